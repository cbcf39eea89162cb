package org.hetong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.hetong.archive.Catalog;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.index.IndexAnalyzers;
import org.hetong.index.IndexFields;
import org.hetong.index.IndexedClause;
import org.hetong.ingest.IndexRecords;
import org.hetong.ingest.Reindexer;
import org.hetong.testing.ContractCorpus;
import org.hetong.testing.CorpusWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the index's bytes go, and what each way of saving them would save: the searchable clauses
 * of an archive are written again, once as {@link LuceneClauseIndex} writes them and once per variant
 * (text not stored, bigram fields without offsets, no offsets at all, no title on every clause,
 * DEFLATE-compressed stored fields, and combinations), each merged to one segment so that the
 * sizes compare; each size is given against the archive's extracted text (the issue 8 target is
 * ≤ 1.0×). What a variant costs elsewhere (highlighting by re-analysis, text read from the catalog)
 * is for BENCHMARKS.md to weigh, not measured here.
 *
 * <pre>
 * mvn -B test -Pbench -Dtest=IndexFootprintBenchmark                                   # 1,500 generated contracts
 * mvn -B test -Pbench -Dtest=IndexFootprintBenchmark -Dbench.footprint.archive=DIR     # an existing archive (no server on it)
 * </pre>
 */
@Tag("benchmark")
class IndexFootprintBenchmark {
    private static final String ARCHIVE = System.getProperty("bench.footprint.archive");
    private static final int DOCUMENTS = Integer.getInteger("bench.footprint.documents", 1500);
    private static final Set<String> TEXT_FIELDS = Set.of(IndexFields.TEXT, IndexFields.TEXT_BIGRAM, IndexFields.HEADING,
            IndexFields.HEADING_BIGRAM, IndexFields.TITLE);

    @TempDir
    Path tmp;

    private record Variant(String name, UnaryOperator<Document> change, boolean deflate) {}

    @Test
    void whatEachFieldCostsAgainstTheExtractedText() throws Exception {
        ConfigFiles config = ConfigFiles.fromDirectory(Path.of("index-config"));
        Path data = ARCHIVE != null ? Path.of(ARCHIVE) : build(config);
        ArchiveFootprint footprint = ArchiveFootprint.of(data);
        List<IndexedClause> clauses = new ArrayList<>();
        try (Catalog catalog = Catalog.open(data.resolve("catalog.db"))) {
            catalog.forEachIndexed(doc -> clauses.addAll(IndexRecords.of(doc, Reindexer.fieldsOf(doc), catalog.clauses(doc.id()))));
        }
        IndexAnalyzers analyzers = new IndexAnalyzers(config);
        UnaryOperator<Document> same = d -> d;
        UnaryOperator<Document> textNotStored = d -> retype(d, Set.of(IndexFields.TEXT), false, true);
        UnaryOperator<Document> bigramWithoutOffsets = d -> retype(d, Set.of(IndexFields.TEXT_BIGRAM, IndexFields.HEADING_BIGRAM), null, false);
        UnaryOperator<Document> noOffsets = d -> retype(d, TEXT_FIELDS, null, false);
        UnaryOperator<Document> noTitle = d -> without(d, IndexFields.TITLE);
        List<Variant> variants = List.of(
                new Variant("as LuceneClauseIndex writes it", same, false),
                new Variant("text not stored (read from the catalog)", textNotStored, false),
                new Variant("bigram fields without offsets", bigramWithoutOffsets, false),
                new Variant("no offsets in any field (highlight by re-analysis)", noOffsets, false),
                new Variant("no title on every clause", noTitle, false),
                new Variant("stored fields DEFLATE (BEST_COMPRESSION)", same, true),
                new Variant("text not stored + bigram without offsets + no title",
                        d -> noTitle.apply(bigramWithoutOffsets.apply(textNotStored.apply(d))), false),
                new Variant("text not stored + no offsets + no title", d -> noTitle.apply(noOffsets.apply(textNotStored.apply(d))), false),
                new Variant("all of the above + DEFLATE", d -> noTitle.apply(noOffsets.apply(textNotStored.apply(d))), true));

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%nINDEX FOOTPRINT BENCHMARK on %s%n  %s; the archive's own"
                + " index as it grew: %.1f MB (%.2f× text)%n  %,d searchable clauses written again per variant, merged to one segment:%n",
                data, footprint, footprint.indexBytes() / 1e6, footprint.indexBytes() / (double) footprint.textBytes(), clauses.size()));
        report.append(String.format(Locale.ROOT, "  | %-55s | %9s | %7s | %s |%n", "variant", "MB", "× text", "largest files"));
        int n = 0;
        for (Variant v : variants) {
            Path dir = tmp.resolve("variant-" + n++);
            long bytes = write(dir, clauses, analyzers, v);
            report.append(String.format(Locale.ROOT, "  | %-55s | %9.1f | %7.2f | %s |%n", v.name(), bytes / 1e6,
                    bytes / (double) footprint.textBytes(), byExtension(dir)));
        }
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hetong-index-footprint.txt"), report);
    }

    private static long write(Path dir, List<IndexedClause> clauses, IndexAnalyzers analyzers, Variant v) throws IOException {
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setNoCFSRatio(0.0); // separate files, so that the report can say which part is large
        IndexWriterConfig config = new IndexWriterConfig(analyzers.perField()).setRAMBufferSizeMB(64).setUseCompoundFile(false)
                .setMergePolicy(merges);
        if (v.deflate()) {
            config.setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION));
        }
        try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            for (IndexedClause c : clauses) {
                writer.addDocument(v.change().apply(LuceneClauseIndex.document(c)));
            }
            writer.forceMerge(1);
            writer.commit();
        }
        return ArchiveFootprint.size(dir);
    }

    /** The document with the named text fields given other options: {@code stored} null keeps it as it was. */
    private static Document retype(Document doc, Set<String> names, Boolean stored, boolean offsets) {
        Document out = new Document();
        for (IndexableField f : doc.getFields()) {
            if (!names.contains(f.name()) || f.stringValue() == null || f.fieldType().indexOptions() == IndexOptions.NONE) {
                out.add(f);
                continue;
            }
            FieldType type = new FieldType(f.fieldType());
            if (stored != null) {
                type.setStored(stored);
            }
            type.setIndexOptions(offsets ? IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS : IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
            type.freeze();
            out.add(new Field(f.name(), f.stringValue(), type));
        }
        return out;
    }

    private static Document without(Document doc, String name) {
        Document out = new Document();
        doc.getFields().stream().filter(f -> !f.name().equals(name)).forEach(out::add);
        return out;
    }

    private static String byExtension(Path dir) throws IOException {
        java.util.Map<String, Long> sizes = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                String name = f.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                sizes.merge(ext, Files.size(f), Long::sum);
            }
        }
        return sizes.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(6)
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1e6)).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private Path build(ConfigFiles config) throws IOException {
        Path corpus = tmp.resolve("corpus");
        CorpusWriter.write(new ContractCorpus(new ContractCorpus.Options(8, DOCUMENTS, Long.MAX_VALUE,
                ContractCorpus.Options.weights("docx:40,pdf:35,txt:25"), 0, 12, 36, true)), corpus);
        Path data = tmp.resolve("archive");
        try (Services services = Services.open(data, config); Stream<Path> walk = Files.walk(corpus)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> !f.equals(CorpusWriter.manifestOf(corpus))).sorted().toList()) {
                services.importer.importFile(f, corpus.relativize(f).toString());
            }
            services.index.commit();
        }
        return data;
    }
}
