package org.hetong.understand.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.hetong.config.ConfigFiles;
import org.hetong.ingest.EmbeddedFile;
import org.hetong.ingest.Extraction;
import org.hetong.ingest.Extractor;
import org.hetong.ingest.IngestLimits;
import org.hetong.ingest.UnreadableDocumentException;
import org.hetong.understand.ClauseTaxonomy;
import org.hetong.understand.Understander;
import org.hetong.understand.Understanding;

/**
 * Runs the real pipeline on a gold document, as the importer does: {@link Extractor} on the file
 * (and, for {@code a.eml!/b.docx}, on the container first, then on the embedded file it yields),
 * then {@link Understander} with the taxonomy of {@code index-config/}. Containers are read once.
 *
 * <p>Not the importer: nothing is stored or indexed, so an evaluation can run in a second and
 * alongside a running server.
 */
public final class GoldPipeline implements AutoCloseable {
    private final Extractor extractor;
    private final Understander understander;
    private final Path goldRoot;
    private final Path home;
    private final Path scratch;
    private final Map<String, Extraction> containers = new HashMap<>();

    /**
     * @param home     the checkout: its {@code index-config/} gives the taxonomy and its {@code sample-docs/}
     *                 the demo archive
     * @param goldRoot {@code gold/} with {@code docs/} in it
     */
    public GoldPipeline(Path home, Path goldRoot) {
        this.home = home;
        this.goldRoot = goldRoot;
        try {
            this.scratch = Files.createTempDirectory("hetong-gold-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory", e);
        }
        this.extractor = new Extractor(IngestLimits.defaults(), scratch);
        ConfigFiles config = Files.isDirectory(home.resolve("index-config"))
                ? ConfigFiles.fromDirectory(home.resolve("index-config")) : ConfigFiles.bundled();
        this.understander = new Understander(ClauseTaxonomy.load(config));
    }

    public ClauseTaxonomy taxonomy() {
        return understander.taxonomy();
    }

    /** Reads and understands the document a gold label points to. */
    public DocumentUnderstanding understand(String source) throws UnreadableDocumentException {
        int bang = source.indexOf("!/");
        Extraction extraction;
        String container = null;
        if (bang < 0) {
            extraction = extractor.extract(fileOf(source), importName(source));
        } else {
            container = source.substring(0, bang);
            String entry = source.substring(bang + 2);
            Extraction outer = container(container);
            EmbeddedFile file = outer.embedded().stream().filter(e -> e.name().equals(entry)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(source + ": the container has no entry '" + entry
                            + "'; it has " + outer.embedded().stream().map(EmbeddedFile::name).toList()));
            if (file.file() == null) {
                throw new IllegalArgumentException(source + ": the entry could not be unpacked: " + file.failureDetail());
            }
            extraction = extractor.extract(file.file(), importName(source));
        }
        return understand(source, container, extraction);
    }

    /** Understands text that did not come from a file (a real-corpus document already extracted, say). */
    public Understanding understandText(String text, String mediaType, String fileName, Map<String, String> metadata) {
        boolean mail = mediaType.startsWith("message/") || mediaType.equals("application/vnd.ms-outlook");
        String title = metadata.get("title");
        return understander.understand(text, mediaType, fileName, title, mail ? title : null);
    }

    public Extraction extract(Path file, String name) throws UnreadableDocumentException {
        return extractor.extract(file, name);
    }

    private DocumentUnderstanding understand(String source, String container, Extraction extraction) {
        Understanding u = understandText(extraction.text(), extraction.mediaType(), importName(source), extraction.metadata());
        return new DocumentUnderstanding(source, importName(source), extraction.mediaType(), extraction.text(),
                extraction.metadata(), container, u);
    }

    private Extraction container(String source) throws UnreadableDocumentException {
        Extraction e = containers.get(source);
        if (e == null) {
            e = extractor.extract(fileOf(source), importName(source));
            containers.put(source, e);
        }
        return e;
    }

    /** The file behind a source without {@code !/}: under the checkout, or under {@code gold/}. */
    Path fileOf(String source) {
        Path file = source.startsWith("gold/") ? goldRoot.resolve(source.substring("gold/".length())) : home.resolve(source);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("gold source " + source + " is not a file: " + file);
        }
        return file;
    }

    /** The name the importer gives a document: the path under sample-docs or gold/docs. */
    static String importName(String source) {
        return source.replaceFirst("^(sample-docs|gold/docs)/", "");
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(scratch)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Scratch files in the temp directory; the OS cleans them eventually.
        }
    }
}
