package org.hetong.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hetong.archive.ApiTokens;
import org.hetong.archive.AuditLog;
import org.hetong.archive.Catalog;
import org.hetong.archive.DataDirectory;
import org.hetong.archive.OriginalStore;
import org.hetong.archive.UploadJobs;
import org.hetong.archive.Users;
import org.hetong.backup.BackupWriter;
import org.hetong.backup.Backups;
import org.hetong.ingest.DocumentActions;
import org.hetong.ingest.Families;
import org.hetong.ingest.RiskRefresh;
import org.hetong.understand.RiskAssessor;
import org.hetong.understand.RiskChecklist;
import org.hetong.ingest.ImportQueue;
import org.hetong.web.WebApp;
import org.hetong.config.ConfigFiles;
import org.hetong.index.ClauseIndex;
import org.hetong.index.IndexAnalyzers;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.ingest.Extractor;
import org.hetong.ingest.Importer;
import org.hetong.ingest.IngestLimits;
import org.hetong.ingest.OcrPages;
import org.hetong.ingest.OcrReader;
import org.hetong.ingest.OcrSettings;
import org.hetong.ingest.Tesseract;
import org.hetong.ingest.Reindexer;
import org.hetong.search.LuceneSearchBackend;
import org.hetong.search.SearchBackend;
import org.hetong.search.SearchService;
import org.hetong.solr.SolrClauseIndex;
import org.hetong.solr.SolrSearchBackend;
import org.hetong.solr.SolrSettings;
import org.hetong.search.SimilarClauses;
import org.hetong.search.Suggestions;
import org.hetong.understand.ClauseTaxonomy;
import org.hetong.understand.Understander;

/**
 * Everything one hetong process needs, wired by hand in one place: data directory (locked),
 * original store, catalog, index, importer, search. Closing it commits the index and releases the
 * data directory.
 */
public final class Services implements AutoCloseable {
    public final DataDirectory dataDirectory;
    public final ConfigFiles config;
    public final OriginalStore store;
    public final Catalog catalog;
    public final ClauseIndex index;
    public final Importer importer;
    public final Reindexer reindexer;
    public final SearchService search;
    public final UploadJobs jobs;
    public final Families families;
    public final SimilarClauses similar;
    public final Suggestions suggestions;
    public final RiskRefresh riskRefresh;
    public final ImportQueue queue;
    public final DocumentActions actions;
    public final IngestLimits limits;
    public final Users users;
    public final ApiTokens tokens;
    public final AuditLog audit;
    public final Backups backups;
    public final boolean wasNew;

    private Services(DataDirectory dataDirectory, ConfigFiles config, OriginalStore store, Catalog catalog, ClauseIndex index,
                     Importer importer, Reindexer reindexer, SearchService search, IngestLimits limits, boolean wasNew)
            throws IOException {
        this.dataDirectory = dataDirectory;
        this.config = config;
        this.store = store;
        this.catalog = catalog;
        this.index = index;
        this.importer = importer;
        this.reindexer = reindexer;
        this.search = search;
        this.limits = limits;
        this.jobs = new UploadJobs(catalog);
        this.families = new Families(catalog, index);
        this.riskRefresh = new RiskRefresh(catalog, importer.riskAssessor(), families);
        this.similar = new SimilarClauses(search.backend());
        this.suggestions = new Suggestions(() -> suggestionCandidates(catalog, config), () -> {
            try {
                return index.generation();
            } catch (IOException e) {
                return -1;
            }
        });
        this.queue = new ImportQueue(jobs, importer, catalog, index, families, Math.max(1, Runtime.getRuntime().availableProcessors()));
        this.actions = new DocumentActions(catalog, index, jobs, queue);
        this.wasNew = wasNew;
        this.users = new Users(catalog);
        this.tokens = new ApiTokens(catalog);
        this.audit = new AuditLog(catalog);
        this.backups = new Backups(dataDirectory.backups(), backupWriter());
    }

    public static Services open(Path data, ConfigFiles config) throws IOException {
        return open(data, config, IngestLimits.fromSystemProperties());
    }

    public static Services open(Path data, ConfigFiles config, IngestLimits limits) throws IOException {
        DataDirectory dir = DataDirectory.open(data).lock();
        try {
            boolean wasNew = dir.isNew();
            emptyScratch(dir.scratch());
            // Configuration first: a broken file should fail start-up before anything is touched.
            ClauseTaxonomy taxonomy = ClauseTaxonomy.load(config);
            Understander understander = new Understander(taxonomy);
            RiskAssessor risks = new RiskAssessor(RiskChecklist.load(config, taxonomy));
            IndexAnalyzers analyzers = new IndexAnalyzers(config);
            OriginalStore store = new OriginalStore(dir.originals(), dir.scratch());
            Catalog catalog = Catalog.open(dir.catalogFile());
            // The search backend, by configuration: the embedded index (default) or SolrCloud (-Dhetong.search.backend=solr).
            SolrSettings solr = SolrSettings.fromSystemProperties();
            ClauseIndex index;
            SearchBackend backend;
            if (solr == null) {
                LuceneClauseIndex lucene = new LuceneClauseIndex(dir.index(), analyzers);
                index = lucene;
                backend = new LuceneSearchBackend(lucene);
            } else {
                SolrClauseIndex cloud = new SolrClauseIndex(solr, analyzers);
                index = cloud;
                backend = new SolrSearchBackend(cloud);
            }
            // One OCR page pool for the process: scans imported together share the cores.
            OcrSettings ocrSettings = OcrSettings.fromSystemProperties();
            OcrReader ocr = new OcrReader(new OcrPages(new Tesseract(ocrSettings), ocrSettings), ocrSettings, dir.scratch());
            Extractor extractor = new Extractor(limits, dir.scratch(), ocr);
            Importer importer = new Importer(store, catalog, extractor, understander, index, limits, risks);
            return new Services(dir, config, store, catalog, index, importer, new Reindexer(catalog, index),
                    new SearchService(backend, analyzers, taxonomy), limits, wasNew);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    private static void emptyScratch(Path scratch) throws IOException {
        if (!Files.isDirectory(scratch)) {
            return;
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(scratch)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Clause headings by frequency, and the legal terms of index-config/legal-terms.txt. */
    private static java.util.Map<String, Long> suggestionCandidates(Catalog catalog, ConfigFiles config) {
        java.util.Map<String, Long> candidates = new java.util.LinkedHashMap<>(catalog.headingCounts(20_000));
        for (ConfigFiles.NumberedLine line : config.lines("legal-terms.txt")) {
            candidates.merge(line.text(), 1L, Long::sum);
        }
        return candidates;
    }

    /** Writes backup archives of this data directory while it is in use (the server's and {@code hetong backup}'s). */
    public BackupWriter backupWriter() {
        return new BackupWriter(dataDirectory.scratch(), catalog, index, store, audit);
    }

    /** How this process reads scans. */
    public OcrReader ocr() {
        return importer.extractor().ocr();
    }

    /** What the web layer is given. */
    public WebApp.Dependencies web() {
        return new WebApp.Dependencies(catalog, store, index, search, jobs, queue, actions, families, similar, suggestions, limits,
                users, tokens, audit, backups);
    }

    @Override
    public void close() throws IOException {
        queue.close();
        audit.close();
        try {
            index.close();
        } finally {
            try {
                catalog.close();
            } finally {
                dataDirectory.close();
            }
        }
    }
}
