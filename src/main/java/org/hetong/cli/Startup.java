package org.hetong.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.hetong.archive.DocumentRecord;

/**
 * What a process does with a data directory before serving: finish documents a previous process
 * left half-done, and rebuild the index when it is missing or behind the catalog. Family links
 * and risks are left to {@link Maintenance}, after the port is open.
 */
final class Startup {
    private Startup() {}

    /** What must be right before the first search: unfinished documents, and an index that agrees with the catalog. */
    static void recoverBeforeServing(Services services, PrintStream out) throws IOException {
        for (DocumentRecord doc : services.catalog.unfinished()) {
            out.println("继续处理上次未完成的文档：" + doc.fileName());
            services.importer.importStored(doc.sha256(), doc.fileName());
        }
        if (!services.index.isAnalysisCurrent()) {
            out.println("分析配置（index-config/）自索引建立以来已改变，正在按新配置重建索引 …");
            services.reindexer.rebuild(n -> { });
        }
        int repaired = services.reindexer.repair();
        if (repaired > 0) {
            out.println("索引与目录不一致，已按目录修复 " + repaired + " 个文档的索引。");
        }
        services.index.refresh();
        long catalogClauses = services.catalog.countClauses();
        if (services.index.clauseCount() != catalogClauses) {
            out.println("索引条款数（" + services.index.clauseCount() + "）与目录（" + catalogClauses + "）不符，正在从档案重建索引 …");
            services.reindexer.rebuild(n -> { });
        }
    }
}
