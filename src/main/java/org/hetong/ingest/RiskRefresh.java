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
    private final Catalog catalog;
    private final RiskAssessor assessor;
    private final Families families;

    public RiskRefresh(Catalog catalog, RiskAssessor assessor, Families families) {
        this.catalog = catalog;
        this.assessor = assessor;
        this.families = families;
    }

    /** Returns the ids of the contracts whose risks changed. */
    public Set<String> refresh(LocalDate today) throws IOException {
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
        return changed;
    }

    private static String json(List<Risk> risks) {
        try {
            return Json.MAPPER.writeValueAsString(risks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risks cannot be written as JSON", e);
        }
    }
}
