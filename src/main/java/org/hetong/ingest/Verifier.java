package org.hetong.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hetong.archive.Catalog;
import org.hetong.archive.OriginalStore;
import org.hetong.index.ClauseIndex;

/**
 * Checks that catalog, originals and index agree: every catalogued document has its original with
 * the right digest, every indexed document is in the index and nothing else is.
 */
public final class Verifier {
    private final Catalog catalog;
    private final OriginalStore store;
    private final ClauseIndex index;

    public Verifier(Catalog catalog, OriginalStore store, ClauseIndex index) {
        this.catalog = catalog;
        this.store = store;
        this.index = index;
    }

    /** Each problem found, in words; empty when all agree. */
    public List<String> verify() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        List<String[]> docs = new ArrayList<>();
        catalog.forEachIndexed(doc -> {
            expected.add(doc.id());
            docs.add(new String[] {doc.id(), doc.sha256(), doc.fileName()});
        });
        for (String[] doc : docs) {
            if (!store.contains(doc[1])) {
                problems.add("原件缺失：文档 " + doc[0] + "（" + doc[2] + "）的原件不在 originals/ 中");
            } else if (!OriginalStore.sha256Of(store.pathOf(doc[1])).equals(doc[1])) {
                problems.add("原件损坏：文档 " + doc[0] + "（" + doc[2] + "）的原件与其 SHA-256 不符");
            }
        }
        Set<String> indexed = index.documentIds();
        for (String id : expected) {
            if (!indexed.contains(id) && !catalog.clauses(id).stream().noneMatch(c -> c.searchable())) {
                problems.add("索引缺失：文档 " + id + " 在目录中已入库，但索引中没有它的条款（运行 reindex 修复）");
            }
        }
        for (String id : indexed) {
            if (!expected.contains(id)) {
                problems.add("索引多余：索引中有文档 " + id + "，但目录中没有已入库的该文档（运行 reindex 修复）");
            }
        }
        return problems;
    }

}
