package org.hetong.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hetong.config.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneClauseIndexTest {
    private static final IndexAnalyzers ANALYZERS = new IndexAnalyzers(ConfigFiles.fromDirectory(Path.of("index-config")));

    @TempDir
    Path temp;

    private static IndexedClause clause(String id, String text) {
        return new IndexedClause(id, "doc1", "doc1", "contract", "软件开发合同", "合同.docx", "第一条", 1, 1, "clause", "保密",
                "保密", null, List.of("甲公司"), 2024, null, List.of(), text);
    }

    @Test
    void aNewIndexIsCurrentBeforeItsFirstCommit() throws Exception {
        // A first start imports the sample archive and checks the analysis before the timer's first commit:
        // it must not take its own new index for one built by other chains and rebuild it.
        try (LuceneClauseIndex index = new LuceneClauseIndex(temp.resolve("index"), ANALYZERS)) {
            index.replace("doc1", List.of(clause("doc1-1", "第一条 保密 双方对合同内容负有保密义务。")));
            assertTrue(index.isAnalysisCurrent());
            index.commit();
            assertTrue(index.isAnalysisCurrent());
        }
        try (LuceneClauseIndex reopened = new LuceneClauseIndex(temp.resolve("index"), ANALYZERS)) {
            assertTrue(reopened.isAnalysisCurrent());
            assertEquals(1, reopened.clauseCount());
        }
    }
}
