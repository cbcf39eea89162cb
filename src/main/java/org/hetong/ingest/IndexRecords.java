package org.hetong.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.Json;
import org.hetong.understand.Risk;
import org.hetong.index.IndexedClause;
import org.hetong.understand.Clause;
import org.hetong.understand.ContractFields;

/** Builds what the index holds of a document's clauses from what the catalog holds of it. */
public final class IndexRecords {
    private IndexRecords() {}

    /** The facet labels of a document's risks (缺少保密条款, 即将到期 …). */
    public static List<String> riskLabels(String risksJson) {
        if (risksJson == null) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(risksJson, new com.fasterxml.jackson.core.type.TypeReference<List<Risk>>() { })
                    .stream().map(Risk::label).distinct().toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable risks in the catalog: " + e.getMessage(), e);
        }
    }

    public static List<IndexedClause> of(DocumentRecord doc, ContractFields fields, List<Clause> clauses) {
        LocalDate date = fields.signDate() != null ? fields.signDate() : fields.effectiveDate();
        List<String> parties = fields.parties().stream().map(ContractFields.Party::name).distinct().toList();
        List<String> risks = riskLabels(doc.risksJson());
        List<OcrOutcome.TextSpan> ocrSpans = OcrOutcome.spansOf(doc.ocrSpans());
        List<IndexedClause> out = new ArrayList<>();
        for (Clause c : clauses) {
            if (!c.searchable() || c.text().isBlank()) {
                continue;
            }
            out.add(new IndexedClause(Clause.idOf(doc.id(), c.ordinal()), doc.id(), doc.contractId(), doc.kind(),
                    doc.title(), doc.fileName(), c.number(), c.numberValue(), c.ordinal(), c.role().code(), c.heading(),
                    c.clauseType(), c.secondaryType(), parties, date == null ? null : date.getYear(),
                    date == null ? null : date.toEpochDay(), risks, c.text(), OcrOutcome.covers(ocrSpans, c.start(), c.end())));
        }
        return out;
    }
}
