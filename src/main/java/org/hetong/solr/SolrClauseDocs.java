package org.hetong.solr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.hetong.index.IndexFields;
import org.hetong.index.IndexedClause;

/**
 * A clause as a Solr document and back. The fields are those of the embedded index
 * ({@link IndexFields}), plus {@value #KEY}, the unique key {@code family!clauseId}: SolrCloud's
 * compositeId router hashes the part before {@code !}, so a contract, its supplements and letters
 * live on one shard. The heading is searched in {@code heading} (with the clause number, as in the
 * embedded index) and shown from {@value #HEADING_SHOWN}.
 */
final class SolrClauseDocs {
    static final String KEY = "key";
    static final String HEADING_SHOWN = "headingShown";

    private SolrClauseDocs() {}

    /** The family a clause is routed by: its contract, or its own document when it has none. */
    static String family(IndexedClause c) {
        return c.contractId() != null ? c.contractId() : c.documentId();
    }

    static String key(IndexedClause c) {
        return family(c) + "!" + c.clauseId();
    }

    static SolrInputDocument toSolr(IndexedClause c) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField(KEY, key(c));
        d.setField(IndexFields.CLAUSE_ID, c.clauseId());
        d.setField(IndexFields.DOCUMENT_ID, c.documentId());
        set(d, IndexFields.CONTRACT_ID, c.contractId());
        d.setField(IndexFields.KIND, c.kind());
        set(d, IndexFields.CLAUSE_TYPE, c.clauseType());
        set(d, IndexFields.SECONDARY_TYPE, c.secondaryType());
        for (String party : c.parties()) {
            d.addField(IndexFields.PARTY, party);
        }
        for (String risk : c.risks()) {
            d.addField(IndexFields.RISK, risk);
        }
        set(d, IndexFields.YEAR, c.year() == null ? null : String.valueOf(c.year()));
        d.setField(IndexFields.DATE, c.dateEpochDay() == null ? Long.MIN_VALUE : c.dateEpochDay());
        d.setField(IndexFields.OCR, String.valueOf(c.ocr()));
        set(d, IndexFields.TITLE, c.title());
        set(d, IndexFields.FILE_NAME, c.fileName());
        set(d, IndexFields.NUMBER, c.number());
        set(d, IndexFields.NUMBER_VALUE, c.numberValue());
        d.setField(IndexFields.ORDINAL, c.ordinal());
        d.setField(IndexFields.ROLE, c.role());
        set(d, HEADING_SHOWN, c.heading());
        for (String value : new String[] {c.heading(), c.number()}) {
            if (value != null) {
                d.addField(IndexFields.HEADING, value);
                d.addField(IndexFields.HEADING_BIGRAM, value);
            }
        }
        d.setField(IndexFields.TEXT, c.text());
        d.setField(IndexFields.TEXT_BIGRAM, c.text());
        return d;
    }

    static IndexedClause fromSolr(SolrDocument d) {
        String year = string(d, IndexFields.YEAR);
        Object date = d.getFirstValue(IndexFields.DATE);
        Long epochDay = date == null || ((Number) date).longValue() == Long.MIN_VALUE ? null : ((Number) date).longValue();
        Object numberValue = d.getFirstValue(IndexFields.NUMBER_VALUE);
        Object ordinal = d.getFirstValue(IndexFields.ORDINAL);
        return new IndexedClause(string(d, IndexFields.CLAUSE_ID), string(d, IndexFields.DOCUMENT_ID), string(d, IndexFields.CONTRACT_ID),
                string(d, IndexFields.KIND), string(d, IndexFields.TITLE), string(d, IndexFields.FILE_NAME), string(d, IndexFields.NUMBER),
                numberValue == null ? null : ((Number) numberValue).intValue(), ordinal == null ? 0 : ((Number) ordinal).intValue(),
                string(d, IndexFields.ROLE), string(d, HEADING_SHOWN), string(d, IndexFields.CLAUSE_TYPE),
                string(d, IndexFields.SECONDARY_TYPE), strings(d, IndexFields.PARTY), year == null ? null : Integer.valueOf(year),
                epochDay, strings(d, IndexFields.RISK), string(d, IndexFields.TEXT), "true".equals(string(d, IndexFields.OCR)));
    }

    private static void set(SolrInputDocument d, String field, Object value) {
        if (value != null) {
            d.setField(field, value);
        }
    }

    static String string(SolrDocument d, String field) {
        Object value = d.getFirstValue(field);
        return value == null ? null : value.toString();
    }

    static List<String> strings(SolrDocument d, String field) {
        Collection<Object> values = d.getFieldValues(field);
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (Object v : values) {
                out.add(v.toString());
            }
        }
        return out;
    }
}
