package org.hetong.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hetong.archive.DataDirectory;
import org.hetong.backup.BackupException;
import org.hetong.backup.BackupManifest;
import org.hetong.backup.Restore;
import org.hetong.config.ConfigFiles;
import org.hetong.index.IndexAnalyzers;
import org.hetong.ingest.Sizes;

/**
 * {@code hetong backup --to FILE} (of a data directory no server is using) and {@code hetong restore
 * FILE} (into an empty one). A running server backs itself up: {@code POST /api/admin/backups}.
 */
final class BackupCommands {
    private BackupCommands() {}

    static int backup(Path data, Path to, ConfigFiles config, PrintStream out) throws IOException {
        Path root = data.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("catalog.db"))) {
            throw new BackupException("数据目录 " + root + " 中没有档案（找不到 catalog.db），没有可备份的内容；请用 --data 指定数据目录。");
        }
        Services services;
        try {
            services = Services.open(data, config);
        } catch (DataDirectory.DataDirectoryBusyException e) {
            throw new BackupException("数据目录 " + root + " 正被另一个 hetong 进程使用（多半是运行中的服务器），命令行备份需要独占它。"
                    + "服务器运行时请由管理员在网页「账号」页的「备份」中，或用 POST /api/admin/backups 制作备份（写入 "
                    + root.resolve("backups") + "，可用 GET /api/admin/backups/{名称} 下载）。"
                    + " (data directory in use: back up through the running server)");
        }
        try (services) {
            long started = System.nanoTime();
            BackupManifest manifest = services.backupWriter().write(to, "命令行 hetong backup");
            double seconds = (System.nanoTime() - started) / 1e9;
            services.audit.record(null, "backup-create", to.getFileName().toString(),
                    "命令行 hetong backup，" + manifest.documents() + " 个文档", null, 0);
            out.printf(Locale.ROOT, "备份完成：%s（%s；%d 个文档、%d 个原件、%d 个索引条款，索引提交代数 %d；用时 %.1f 秒）%n", to,
                    Sizes.human(Files.size(to)), manifest.documents(), manifest.originals(), manifest.indexedClauses(),
                    manifest.indexGeneration(), seconds);
            return Main.OK;
        }
    }

    static int restore(Path data, Path archive, ConfigFiles config, PrintStream out) throws IOException {
        long started = System.nanoTime();
        Restore.Outcome outcome = new Restore(new IndexAnalyzers(config)).restore(archive, data, out);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "恢复完成：%s ← %s（备份时间 %s）：%d 个文档、%d 个原件（均已核对 SHA-256）、%d 个索引条款；%s；用时 %.1f 秒。%n",
                data.toAbsolutePath().normalize(), archive, outcome.manifest().createdAt(), outcome.documents(), outcome.originals(),
                outcome.clauses(), outcome.indexRebuilt() ? "索引已从目录重建（" + outcome.indexNote() + "）"
                        : "索引取自备份（提交代数 " + outcome.manifest().indexGeneration() + "）", seconds);
        out.println("启动服务器：hetong serve --data " + data);
        return Main.OK;
    }
}
