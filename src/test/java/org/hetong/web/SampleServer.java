package org.hetong.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.ingest.ImportItem;
import org.hetong.testing.TestAccounts;

/**
 * The real server over the sample archive, for the API and browser tests: a temporary data
 * directory, every file of {@code sample-docs/} imported through the real pipeline, the real web
 * app on a random loopback port. Built once per test JVM and shared.
 */
final class SampleServer {
    private static SampleServer instance;

    final Services services;
    final Javalin app;
    final List<ImportItem> imported;
    final Path data;

    private SampleServer(Path data) throws IOException {
        this.data = data;
        this.services = Services.open(data, ConfigFiles.fromDirectory(Path.of("index-config")));
        TestAccounts.create(services.users);
        Path samples = Path.of("sample-docs");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(samples)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        this.imported = files.stream()
                .flatMap(f -> services.importer.importFile(f, samples.relativize(f).toString()).stream())
                .toList();
        services.families.relink();
        services.index.commit();
        services.queue.start();
        this.app = WebApp.create(services.web());
        app.start("127.0.0.1", 0);
    }

    static synchronized SampleServer get() {
        if (instance == null) {
            try {
                Path data = Files.createTempDirectory("hetong-sample-server-");
                instance = new SampleServer(data);
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The id of the sample document imported under {@code name} (its path below sample-docs/). */
    String documentIdOf(String name) {
        return imported.stream().filter(i -> i.name().equals(name)).map(ImportItem::documentId).findFirst()
                .orElseThrow(() -> new AssertionError("not imported: " + name));
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    private void stop() {
        app.stop();
        try {
            services.close();
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // The JVM is exiting; a leftover temporary folder is all that is lost.
        }
    }
}
