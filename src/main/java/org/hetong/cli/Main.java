package org.hetong.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.hetong.archive.DataDirectory;
import org.hetong.backup.BackupException;
import org.hetong.config.ConfigException;
import org.hetong.config.ConfigFiles;
import org.hetong.ingest.Verifier;
import org.hetong.web.WebApp;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The {@code hetong} command: serve, ingest, reindex, verify, ocr, backup, restore. Wires the services by hand. */
public final class Main {
    static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (Arguments.UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.print(Arguments.USAGE);
            return USAGE;
        }
        if (arguments.command().equals("help")) {
            out.print(Arguments.USAGE);
            return OK;
        }
        try {
            ConfigFiles config = arguments.config() == null ? ConfigFiles.defaultLocation() : ConfigFiles.fromDirectory(arguments.config());
            return switch (arguments.command()) {
                case "serve" -> serve(arguments, config, out);
                case "ingest" -> {
                    try (Services services = Services.open(arguments.data(), config)) {
                        yield IngestCommand.run(services, arguments.paths(), out);
                    }
                }
                case "reindex" -> {
                    try (Services services = Services.open(arguments.data(), config)) {
                        long n = services.reindexer.rebuild(count -> { });
                        services.families.relink();
                        out.println("索引已重建：" + n + " 个文档，" + services.index.clauseCount() + " 个条款。");
                        yield OK;
                    }
                }
                case "ocr" -> {
                    try (Services services = Services.open(arguments.data(), config)) {
                        yield OcrCommand.run(services, out);
                    }
                }
                case "verify" -> {
                    try (Services services = Services.open(arguments.data(), config)) {
                        List<String> problems = new Verifier(services.catalog, services.store, services.index).verify();
                        problems.forEach(p -> out.println("✗ " + p));
                        out.println(problems.isEmpty() ? "一致：目录、原件与索引相符。" : problems.size() + " 处不一致。");
                        yield problems.isEmpty() ? OK : ERROR;
                    }
                }
                case "backup" -> BackupCommands.backup(arguments.data(), arguments.to(), config, out);
                case "restore" -> BackupCommands.restore(arguments.data(), arguments.paths().get(0), config, out);
                case "admin-password" -> {
                    try (Services services = Services.open(arguments.data(), config)) {
                        FirstAdmin.reset(services.users, System.getenv(FirstAdmin.ENVIRONMENT), out);
                        yield OK;
                    }
                }
                default -> throw new IllegalStateException(arguments.command());
            };
        } catch (DataDirectory.DataDirectoryBusyException | ConfigException | BackupException e) {
            err.println(e.getMessage());
            return ERROR;
        } catch (IOException | RuntimeException e) {
            err.println("错误：" + e.getMessage());
            e.printStackTrace(err);
            return ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ERROR;
        }
    }

    private static int serve(Arguments arguments, ConfigFiles config, PrintStream out) throws IOException, InterruptedException {
        Services services = Services.open(arguments.data(), config);
        try {
            FirstAdmin.ensure(services.users, services.dataDirectory.root(), System.getenv(FirstAdmin.ENVIRONMENT), out);
            if (services.wasNew) {
                Path samples = arguments.samples() != null ? arguments.samples() : ConfigFiles.home().resolve("sample-docs");
                if (Files.isDirectory(samples)) {
                    out.println("数据目录为空，先导入演示档案 " + samples + " …");
                    IngestCommand.importAll(services, IngestCommand.listFolder(samples), out);
                    services.families.relink(); // the demo opens with its families linked, not a moment later
                } else {
                    out.println("数据目录为空，且找不到演示档案 " + samples + "；从空档案开始。");
                }
            }
            Startup.recoverBeforeServing(services, out);
            services.index.commit();
            services.queue.start();
            Javalin app = WebApp.create(services.web());
            app.start(arguments.port());
            out.println("hetong 已启动：http://localhost:" + app.port() + "  （数据目录 " + services.dataDirectory.root() + "）");
            Maintenance maintenance = Maintenance.start(services, out);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                maintenance.close();
                try {
                    services.close();
                } catch (IOException e) {
                    System.err.println("关闭时出错：" + e.getMessage());
                }
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return OK;
        } catch (IOException | RuntimeException e) {
            services.close();
            throw e;
        }
    }
}
