package org.hetong.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.hetong.archive.DocumentRecord;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The risk refresh a server runs after start and every night, on a real catalog and index. */
class RiskRefreshIT {
    /** Risks as an older checklist might have left them. */
    private static final String STALE = "[{\"code\":\"missing-clause\",\"detail\":\"保密\"}]";
    private static final Path CONTRACT = Path.of("sample-docs/01-江临市智慧政务平台开发/软件开发合同-HT-2023-0417.docx");

    @TempDir
    Path tmp;

    @Test
    void aRestartOnTheDayOfAFullRefreshDoesNotReadEveryContractAgainButTheNextDayDoes() throws Exception {
        try (Services services = Services.open(tmp.resolve("archive"), ConfigFiles.fromDirectory(Path.of("index-config")))) {
            String id = services.importer.importFile(CONTRACT, CONTRACT.getFileName().toString()).get(0).documentId();
            LocalDate day = LocalDate.of(2026, 11, 27);
            services.riskRefresh.refresh(day);
            String assessed = services.catalog.find(id).map(DocumentRecord::risksJson).orElseThrow();

            // Something that only a full refresh would notice and put right.
            DocumentRecord doc = services.catalog.find(id).orElseThrow();
            services.catalog.saveFacts(id, doc.factsJson(), STALE);

            assertEquals(Set.of(), services.riskRefresh.refreshUnlessDoneToday(day), "already assessed today with this checklist");
            assertEquals(STALE, services.catalog.find(id).map(DocumentRecord::risksJson).orElseThrow());

            Set<String> nextDay = services.riskRefresh.refreshUnlessDoneToday(day.plusDays(1));
            assertTrue(nextDay.contains(id), "the next day every contract is assessed again: " + nextDay);
            assertEquals(assessed, services.catalog.find(id).map(DocumentRecord::risksJson).orElseThrow());
        }
    }
}
