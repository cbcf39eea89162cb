package org.hetong.understand;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What family linking needs to know of one document, kept small so that every document's facts
 * fit in memory at once: its kind and keys (number, title), what it refers to (contract numbers
 * and 《titles》 in its text), its parties and dates, mail threading, its container, and the
 * changes it makes if it is a supplement.
 */
public record DocumentFacts(
        String id,
        DocumentKind kind,
        String title,
        String contractNumber,
        String contractTitle,
        List<String> parties,
        LocalDate date,
        LocalDate termEnd,
        Set<String> referencedNumbers,
        Set<String> referencedTitles,
        String messageId,
        String inReplyTo,
        String parentId,
        List<Amendment> amendments) {

    public DocumentFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        parties = parties == null ? List.of() : List.copyOf(parties);
        referencedNumbers = referencedNumbers == null ? Set.of() : Set.copyOf(referencedNumbers);
        referencedTitles = referencedTitles == null ? Set.of() : Set.copyOf(referencedTitles);
        amendments = amendments == null ? List.of() : List.copyOf(amendments);
    }

    public DocumentFacts withParent(String parent) {
        return new DocumentFacts(id, kind, title, contractNumber, contractTitle, parties, date, termEnd, referencedNumbers,
                referencedTitles, messageId, inReplyTo, parent, amendments);
    }
}
