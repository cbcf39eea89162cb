package org.hetong.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.Json;
import org.hetong.understand.DocumentKind;
import org.hetong.understand.Risk;
import org.hetong.understand.RiskAssessor;

/**
 * Re-assesses the risks of every contract: expiry warnings depend on today's date, and the
 * checklist in {@code index-config/} may have changed since a contract was read. Contracts whose
 * risks changed are re-indexed, so the risk facet and filter stay right.
 */
public final class RiskRefresh {
    private static final String ASSESSED = "risks.assessed";
    private final Catalog catalog;
    private final RiskAssessor assessor;
    private final Families families;
    /** The first bytes of the SHA-256 of the checklist in use, recorded with the day of a full refresh. */
    private final String checklistDigest;

    public RiskRefresh(Catalog catalog, RiskAssessor assessor, Families families) {
        this.catalog = catalog;
        this.assessor = assessor;
        this.families = families;
        this.checklistDigest = digestOf(assessor.checklist().toString());
    }

    /**
     * As {@link #refresh}, unless every contract was already assessed today with this checklist
     * (a restart during the day): then nothing is read and the result is empty. On an archive of
     * 1M clauses a full refresh costs tens of seconds of CPU, which searches just after a start
     * would otherwise share.
     */
    public Set<String> refreshUnlessDoneToday(LocalDate today) throws IOException {
        if (stamp(today).equals(catalog.setting(ASSESSED).orElse(null))) {
            return Set.of();
        }
        return refresh(today);
    }

    /**
     * Returns the ids of the contracts whose risks changed. Holds the families' lock, so that it
     * never interleaves its writes with a relinking ({@link Families#relink} holds the same).
     */
    public Set<String> refresh(LocalDate today) throws IOException {
        synchronized (families) {
            return refreshAll(today);
        }
    }

    private Set<String> refreshAll(LocalDate today) throws IOException {
        Set<String> changed = new LinkedHashSet<>();
        catalog.forEachIndexed(doc -> {
            if (!DocumentKind.CONTRACT.code().equals(doc.kind())) {
                return;
            }
            List<Risk> risks = assessor.assess(DocumentKind.CONTRACT, doc.title(), Reindexer.fieldsOf(doc), catalog.clauses(doc.id()), today);
            String json = json(risks);
            if (!Objects.equals(json, doc.risksJson())) {
                catalog.saveFacts(doc.id(), doc.factsJson(), json);
                changed.add(doc.id());
            }
        });
        families.reindex(changed);
        catalog.setSetting(ASSESSED, stamp(today));
        return changed;
    }

    /** The day and the checklist a full refresh assessed every contract with. */
    private String stamp(LocalDate today) {
        return today + " " + checklistDigest;
    }

    private static String digestOf(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String json(List<Risk> risks) {
        try {
            return Json.MAPPER.writeValueAsString(risks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risks cannot be written as JSON", e);
        }
    }
}
