package org.hetong.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.hetong.testing.DocumentFormats.Format;

/**
 * A deterministic stream of corpus files made from {@link ContractFamilies}: each document in a
 * format drawn from the given weights (mails always EML with their attachment, some families as one
 * ZIP), made one family at a time, so 50,000 documents never sit in memory together. The same
 * options give the same bytes.
 */
public final class ContractCorpus implements Iterable<ContractCorpus.CorpusFile> {
    /**
     * What to make. {@code maxDocuments} counts the documents the archive will hold (a mail and its
     * attachment are two, a ZIP is one plus its entries); {@code maxClauses} stops at about that
     * many searchable clauses (articles plus preamble and signature). {@code contractsOnly} leaves
     * out supplements, letters and mails.
     */
    public record Options(long seed, int maxDocuments, long maxClauses, Map<Format, Integer> weights, int zipPercent,
                          int minArticles, int maxArticles, boolean contractsOnly) {
        public Options {
            if (maxDocuments < 1) {
                throw new IllegalArgumentException("at least one document, not " + maxDocuments);
            }
            weights = Map.copyOf(weights);
            if (weights.keySet().stream().anyMatch(f -> f == Format.EML || f == Format.ZIP)
                    || weights.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
                throw new IllegalArgumentException("weights are for txt, gbk, docx and pdf; mails are EML and zipPercent decides ZIPs: "
                        + weights);
            }
        }

        /** The mix users bring: DOCX 35, PDF 30, TXT 25, GBK 10; 8 % of families as a ZIP; all kinds. */
        public static Options realistic(long seed, int maxDocuments) {
            return new Options(seed, maxDocuments, Long.MAX_VALUE,
                    Map.of(Format.DOCX, 35, Format.PDF, 30, Format.TXT, 25, Format.TXT_GBK, 10), 8, 12, 36, false);
        }

        /** Parses "txt:25,docx:35,pdf:30,gbk:10" (or "txt,pdf" for equal weights). */
        public static Map<Format, Integer> weights(String spec) {
            Map<Format, Integer> w = new EnumMap<>(Format.class);
            for (String part : spec.split(",")) {
                String[] kv = part.split(":");
                w.put(Format.parse(kv[0]), kv.length > 1 ? Integer.parseInt(kv[1].trim()) : 1);
            }
            return w;
        }
    }

    /**
     * One file to write: its path below the corpus folder, bytes, and what it holds ({@code textBytes}
     * is the UTF-8 size of the plain text of its documents, for MB/s).
     */
    public record CorpusFile(String path, Format format, byte[] bytes, int documents, int clauses, long textBytes, int family) {}

    private final Options options;

    public ContractCorpus(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    @Override
    public Iterator<CorpusFile> iterator() {
        return new Iterator<>() {
            private final ContractFamilies families = new ContractFamilies(options.seed(), options.minArticles(), options.maxArticles());
            private final Deque<CorpusFile> pending = new ArrayDeque<>();
            private int family;
            private int documents;
            private long clauses;

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && documents < options.maxDocuments() && clauses < options.maxClauses()) {
                    for (CorpusFile file : files(families.family(family++))) {
                        if (documents >= options.maxDocuments() || clauses >= options.maxClauses()) {
                            break;
                        }
                        pending.add(file);
                        documents += file.documents();
                        clauses += file.clauses();
                    }
                }
                return !pending.isEmpty();
            }

            @Override
            public CorpusFile next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.poll();
            }
        };
    }

    /** The first {@code n} files only (the last family may be cut short). */
    public Iterable<CorpusFile> firstFiles(int n) {
        return () -> new Iterator<>() {
            private final Iterator<CorpusFile> all = iterator();
            private int given;

            @Override
            public boolean hasNext() {
                return given < n && all.hasNext();
            }

            @Override
            public CorpusFile next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                given++;
                return all.next();
            }
        };
    }

    /** The files of one family: each document in its own file, or all of them in one ZIP. */
    List<CorpusFile> files(ContractFamilies.Family family) {
        Random r = new Random(options.seed() ^ (family.index() * 0x5DEECE66DL));
        String folder = String.format(java.util.Locale.ROOT, "%03d/%05d-%s", family.index() / 100, family.index(),
                family.contractNumber().replaceAll("[^A-Za-z0-9-]", "_"));
        List<ContractFamilies.Doc> docs = options.contractsOnly() ? family.docs().subList(0, 1) : family.docs();
        List<CorpusFile> files = new ArrayList<>();
        for (ContractFamilies.Doc doc : docs) {
            files.add(file(folder, doc, r, family.index()));
        }
        if (!options.contractsOnly() && r.nextInt(100) < options.zipPercent()) {
            List<String> names = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            int documents = 1;
            int clauses = 0;
            long text = 0;
            for (CorpusFile f : files) {
                names.add(f.path().substring(f.path().lastIndexOf('/') + 1));
                contents.add(f.bytes());
                documents += f.documents();
                clauses += f.clauses();
                text += f.textBytes();
            }
            try {
                byte[] zip = DocumentFormats.zip(names, contents);
                return List.of(new CorpusFile(folder + ".zip", Format.ZIP, zip, documents, clauses, text, family.index()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private CorpusFile file(String folder, ContractFamilies.Doc doc, Random r, int family) {
        long textBytes = doc.text().getBytes(StandardCharsets.UTF_8).length;
        if (doc.kind() == ContractFamilies.Kind.MAIL) {
            ContractFamilies.Doc attachment = doc.mail().attachment();
            Format af = format(r);
            String attachmentName = attachment.name() + "." + af.extension;
            byte[] bytes = DocumentFormats.mail(doc, attachmentName, DocumentFormats.render(attachment, af));
            return new CorpusFile(folder + "/" + doc.name() + ".eml", Format.EML, bytes, 2, doc.clauses() + attachment.clauses(),
                    textBytes + attachment.text().getBytes(StandardCharsets.UTF_8).length, family);
        }
        Format f = format(r);
        return new CorpusFile(folder + "/" + doc.name() + "." + f.extension, f, DocumentFormats.render(doc, f), 1, doc.clauses(),
                textBytes, family);
    }

    private Format format(Random r) {
        int total = options.weights().values().stream().mapToInt(Integer::intValue).sum();
        int x = r.nextInt(total);
        for (Format f : Format.values()) {
            Integer w = options.weights().get(f);
            if (w != null) {
                x -= w;
                if (x < 0) {
                    return f;
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
