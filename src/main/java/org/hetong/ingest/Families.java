package org.hetong.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.FamilyLinks;
import org.hetong.archive.Json;
import org.hetong.archive.LinkRecord;
import org.hetong.index.ClauseIndex;
import org.hetong.understand.DocumentFacts;
import org.hetong.understand.DocumentKind;
import org.hetong.understand.FamilyLink;
import org.hetong.understand.FamilyLinker;

/**
 * Keeps contract families up to date: runs the {@link FamilyLinker} over the facts of every
 * document, applies its links where no person has decided otherwise, and re-indexes the documents
 * whose contract changed (their clauses carry the contract id for the {@code contract:} filter).
 *
 * <p>Linking looks at all documents at once because evidence arrives in any order: a letter may be
 * imported before its contract, a reply before the mail it answers.
 */
public final class Families {
    private final Catalog catalog;
    private final FamilyLinks links;
    private final ClauseIndex index;
    private final FamilyLinker linker = new FamilyLinker();

    public Families(Catalog catalog, ClauseIndex index) {
        this.catalog = catalog;
        this.links = new FamilyLinks(catalog);
        this.index = index;
    }

    public FamilyLinks links() {
        return links;
    }

    /** Links every document to its contract; returns the ids of documents whose link changed. */
    public synchronized Set<String> relink() throws IOException {
        Map<String, String> parents = links.containerParents();
        List<DocumentFacts> facts = new ArrayList<>();
        catalog.forEachIndexed(doc -> {
            DocumentFacts f = factsOf(doc);
            if (f != null) {
                facts.add(f.withParent(parents.get(doc.id())));
            }
        });
        Map<String, FamilyLink> computed = linker.link(facts);
        Map<String, String> staff = links.staffChoices();
        Map<String, Set<String>> rejected = links.rejections();
        Map<String, LinkRecord> current = links.automatic();
        Set<String> changed = new LinkedHashSet<>();
        for (DocumentFacts doc : facts) {
            if (doc.kind() == DocumentKind.CONTRACT || staff.containsKey(doc.id())) {
                continue;
            }
            FamilyLink link = computed.get(doc.id());
            if (link != null && rejected.getOrDefault(doc.id(), Set.of()).contains(link.contractId())) {
                link = null;
            }
            LinkRecord now = current.get(doc.id());
            boolean same = link == null ? now == null
                    : now != null && now.fromId().equals(link.contractId()) && now.relation().equals(link.relation())
                            && java.util.Objects.equals(now.reason(), link.reason());
            if (same) {
                continue;
            }
            links.setAutomatic(doc.id(), link == null ? null : link.contractId(), link == null ? null : link.relation(),
                    link == null ? null : link.reason(), link == null ? 1 : link.confidence());
            changed.add(doc.id());
        }
        reindex(changed);
        return changed;
    }

    /** Re-indexes documents whose family changed, so their clauses carry the right contract. */
    public void reindex(Set<String> ids) throws IOException {
        for (String id : ids) {
            DocumentRecord doc = catalog.find(id).orElse(null);
            if (doc != null && DocumentRecord.INDEXED.equals(doc.status()) && doc.deletedAt() == null) {
                index.replace(id, IndexRecords.of(doc, Reindexer.fieldsOf(doc), catalog.clauses(id)));
            }
        }
        if (!ids.isEmpty()) {
            index.refresh();
        }
    }

    public static DocumentFacts factsOf(DocumentRecord doc) {
        if (doc.factsJson() == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(doc.factsJson(), DocumentFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog holds unreadable facts for document " + doc.id() + ": " + e.getMessage(), e);
        }
    }
}
