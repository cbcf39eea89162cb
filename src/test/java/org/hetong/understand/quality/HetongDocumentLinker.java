package org.hetong.understand.quality;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hetong.understand.DocumentFacts;
import org.hetong.understand.FactsExtractor;
import org.hetong.understand.FamilyLink;
import org.hetong.understand.FamilyLinker;

/**
 * hetong's own family linking ({@link FactsExtractor} then {@link FamilyLinker}) behind the
 * evaluation's {@link DocumentLinker} shape, fed as the importer feeds it: a document's id is its
 * gold source, its parent the mail or ZIP it came out of.
 */
public final class HetongDocumentLinker implements DocumentLinker {
    private final FactsExtractor facts = new FactsExtractor();
    private final FamilyLinker linker = new FamilyLinker();

    @Override
    public Map<String, String> link(List<DocumentUnderstanding> documents) {
        List<DocumentFacts> all = new ArrayList<>();
        for (DocumentUnderstanding d : documents) {
            DocumentFacts f = facts.extract(d.source(), d.understanding(), d.text(), d.metadata().get("messageId"),
                    d.metadata().get("inReplyTo"), dateOf(d.metadata().get("created")));
            all.add(f.withParent(d.containerSource()));
        }
        Map<String, String> contracts = new LinkedHashMap<>();
        for (Map.Entry<String, FamilyLink> e : linker.link(all).entrySet()) {
            contracts.put(e.getKey(), e.getValue().contractId());
        }
        return contracts;
    }

    /** The importer's reading of a mail's or file's creation date: its first ten characters, ISO. */
    private static LocalDate dateOf(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
