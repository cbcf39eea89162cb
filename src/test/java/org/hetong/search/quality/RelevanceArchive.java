package org.hetong.search.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.hetong.archive.DocumentRecord;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.index.IndexedClause;
import org.hetong.ingest.ImportItem;
import org.hetong.ingest.IndexRecords;
import org.hetong.ingest.Reindexer;

/**
 * A real hetong archive of {@code sample-docs/} and, when it is beside the checkout,
 * {@code ../shared/realdocs/}, imported through the real pipeline, with the clauses hetong
 * indexes (built by the index's own recipe, {@link IndexRecords#of}) addressed as a judge writes
 * them: {@code sample-docs/<path>} or {@code realdocs/<path>}, {@code !/entry} inside containers.
 *
 * <p>Not for judging: judgments come from reading the documents, never from this list or from
 * search results.
 */
final class RelevanceArchive implements AutoCloseable {
    static final Path SAMPLES = Path.of("sample-docs");
    static final Path REALDOCS = Path.of("..", "shared", "realdocs");
    static final String SAMPLES_PREFIX = "sample-docs/";
    static final String REALDOCS_PREFIX = "realdocs/";
    /**
     * Files of ../shared/realdocs that are not documents anyone would archive: CUAD's dataset table
     * (4 MB of clause excerpts from 510 other contracts), its category list and README, and the
     * folder's own list of sources.
     */
    static final Set<String> NOT_DOCUMENTS = Set.of("cuad/master_clauses.csv", "cuad/category_descriptions.csv",
            "cuad/CUAD_v1_README.txt", "SOURCES.md");

    /** One clause as hetong indexes it, with every judge-facing path of its document. */
    record Unit(IndexedClause clause, List<String> paths) {
        String id() {
            return clause.clauseId();
        }

        String text() {
            return clause.text();
        }

        String number() {
            return clause.number();
        }
    }

    final Services services;
    final boolean withRealdocs;
    final List<Unit> units;
    final Map<String, Unit> unitsById;
    final List<String> importProblems;
    final long buildMillis;

    private RelevanceArchive(Services services, boolean withRealdocs, List<Unit> units, List<String> importProblems,
                             long buildMillis) {
        this.services = services;
        this.withRealdocs = withRealdocs;
        this.units = List.copyOf(units);
        Map<String, Unit> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        this.unitsById = Map.copyOf(byId);
        this.importProblems = List.copyOf(importProblems);
        this.buildMillis = buildMillis;
    }

    static RelevanceArchive build(Path data) throws IOException {
        long started = System.nanoTime();
        Services services = Services.open(data, ConfigFiles.fromDirectory(Path.of("index-config")));
        try {
            boolean withRealdocs = Files.isDirectory(REALDOCS);
            Map<String, List<String>> pathsById = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            importTree(services, SAMPLES, SAMPLES_PREFIX, pathsById, problems);
            if (withRealdocs) {
                importTree(services, REALDOCS, REALDOCS_PREFIX, pathsById, problems);
            }
            services.families.relink();
            services.index.commit();
            // Imports re-index documents as families link up, and the deleted versions count in term statistics
            // until segments merge, which depends on timing: rebuilt, the index holds exactly the live clauses and
            // every run scores alike (without it, a few queries' nDCG moved by up to 0.07 from run to run).
            services.reindexer.rebuild(n -> {});
            List<Unit> units = new ArrayList<>();
            services.catalog.forEachIndexed(doc -> units.addAll(unitsOf(services, doc,
                    pathsById.getOrDefault(doc.id(), List.of(doc.fileName())))));
            return new RelevanceArchive(services, withRealdocs, units, problems, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** Imports every file of a folder, a few at a time (the importer is what the upload queue runs in parallel too). */
    private static void importTree(Services services, Path root, String prefix, Map<String, List<String>> pathsById,
                                   List<String> problems) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<List<ImportItem>>> imports = new ArrayList<>();
            for (Path file : files) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (prefix.equals(REALDOCS_PREFIX) && NOT_DOCUMENTS.contains(name)) {
                    continue;
                }
                // Named as the demo archive names them (relative to their folder), so hetong sees the same names.
                imports.add(pool.submit(() -> services.importer.importFile(file, name)));
            }
            for (Future<List<ImportItem>> f : imports) {
                for (ImportItem item : f.get()) {
                    if (item.isFailed()) {
                        problems.add(prefix + item.name() + ": " + item.errorCode() + " " + item.error());
                    }
                    if (item.documentId() != null) {
                        pathsById.computeIfAbsent(item.documentId(), k -> new ArrayList<>()).add(prefix + item.name());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("import interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("import failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Unit> unitsOf(Services services, DocumentRecord doc, List<String> paths) {
        List<IndexedClause> clauses = IndexRecords.of(doc, Reindexer.fieldsOf(doc), services.catalog.clauses(doc.id()));
        return clauses.stream().map(c -> new Unit(c, List.copyOf(paths))).toList();
    }

    /** Every clause with its path, number, heading, type and text: for writing new judgments. */
    void dump(Path file) {
        StringBuilder b = new StringBuilder();
        for (Unit u : units) {
            IndexedClause c = u.clause();
            b.append("=== ").append(String.join(" = ", u.paths())).append(" | ").append(c.number()).append(" | ")
                    .append(c.heading()).append(" | ").append(c.clauseType()).append(" | ").append(c.kind()).append('\n')
                    .append(c.text()).append('\n');
        }
        try {
            Files.writeString(file, b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        services.close();
    }
}
