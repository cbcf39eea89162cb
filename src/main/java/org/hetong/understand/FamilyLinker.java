package org.hetong.understand;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts supplements, correspondence and records into contract families. Evidence, strongest first:
 * <ol>
 *   <li>the document cites a contract's number (原合同编号：HT-2023-0417), or its own number extends
 *       one (HT-2023-0417-BC01);</li>
 *   <li>it cites a contract by its 《title》;</li>
 *   <li>it travels with a linked document: a mail's attachment, an archive's entry, or the reverse;</li>
 *   <li>it replies to a linked mail (In-Reply-To);</li>
 *   <li>it names the same two parties as exactly one contract, dated within or after it.</li>
 * </ol>
 * Every link says which evidence made it and how sure it is. Pure logic over the facts of all
 * documents; staff decisions are applied on top by the caller.
 */
public final class FamilyLinker {
    public Map<String, FamilyLink> link(Collection<DocumentFacts> documents) {
        Map<String, DocumentFacts> byId = new LinkedHashMap<>();
        Map<String, DocumentFacts> contractsByNumber = new HashMap<>();
        Map<String, List<DocumentFacts>> contractsByTitle = new HashMap<>();
        Map<String, DocumentFacts> byMessageId = new HashMap<>();
        List<DocumentFacts> contracts = new ArrayList<>();
        for (DocumentFacts d : documents) {
            byId.put(d.id(), d);
            if (d.messageId() != null) {
                byMessageId.put(d.messageId(), d);
            }
            if (d.kind() == DocumentKind.CONTRACT) {
                contracts.add(d);
                if (d.contractNumber() != null) {
                    contractsByNumber.putIfAbsent(d.contractNumber(), d);
                }
                if (d.contractTitle() != null) {
                    contractsByTitle.computeIfAbsent(d.contractTitle(), k -> new ArrayList<>()).add(d);
                }
            }
        }
        Map<String, FamilyLink> links = new LinkedHashMap<>();
        // 1 and 2: direct evidence in the document itself.
        for (DocumentFacts d : byId.values()) {
            if (d.kind() == DocumentKind.CONTRACT) {
                continue;
            }
            FamilyLink direct = byNumber(d, contractsByNumber);
            if (direct == null) {
                direct = byTitle(d, contractsByTitle);
            }
            if (direct != null) {
                links.put(d.id(), direct);
            }
        }
        // 3 and 4: evidence through other documents, until nothing changes.
        boolean changed = true;
        for (int round = 0; changed && round < 10; round++) {
            changed = false;
            for (DocumentFacts d : byId.values()) {
                if (d.kind() == DocumentKind.CONTRACT || links.containsKey(d.id())) {
                    continue;
                }
                FamilyLink found = throughContainer(d, byId, links);
                if (found == null) {
                    found = throughChildren(d, byId, links);
                }
                if (found == null) {
                    found = throughThread(d, byMessageId, links);
                }
                if (found != null) {
                    links.put(d.id(), found);
                    changed = true;
                }
            }
        }
        // 5: parties and dates, only when they point to exactly one contract.
        for (DocumentFacts d : byId.values()) {
            if (d.kind() == DocumentKind.CONTRACT || links.containsKey(d.id()) || d.parties().size() < 2) {
                continue;
            }
            FamilyLink byParties = byParties(d, contracts);
            if (byParties != null) {
                links.put(d.id(), byParties);
            }
        }
        return links;
    }

    private static FamilyLink byNumber(DocumentFacts d, Map<String, DocumentFacts> contractsByNumber) {
        for (String number : d.referencedNumbers()) {
            DocumentFacts c = contractsByNumber.get(number);
            if (c != null && !c.id().equals(d.id())) {
                return new FamilyLink(d.id(), c.id(), FamilyLink.relationFor(d.kind()), "引用了合同编号 " + number, 0.95);
            }
        }
        if (d.contractNumber() != null) {
            DocumentFacts c = contractsByNumber.get(d.contractNumber());
            if (c != null && !c.id().equals(d.id())) {
                return new FamilyLink(d.id(), c.id(), FamilyLink.relationFor(d.kind()), "合同编号 " + d.contractNumber() + " 相同", 0.9);
            }
            for (var entry : contractsByNumber.entrySet()) {
                if (d.contractNumber().startsWith(entry.getKey() + "-") && !entry.getValue().id().equals(d.id())) {
                    return new FamilyLink(d.id(), entry.getValue().id(), FamilyLink.relationFor(d.kind()),
                            "本文件编号 " + d.contractNumber() + " 由合同编号 " + entry.getKey() + " 派生", 0.8);
                }
            }
        }
        return null;
    }

    private static FamilyLink byTitle(DocumentFacts d, Map<String, List<DocumentFacts>> contractsByTitle) {
        for (String title : d.referencedTitles()) {
            List<DocumentFacts> candidates = contractsByTitle.get(title);
            if (candidates != null && candidates.size() == 1 && !candidates.get(0).id().equals(d.id())) {
                return new FamilyLink(d.id(), candidates.get(0).id(), FamilyLink.relationFor(d.kind()), "引用了《" + title + "》", 0.9);
            }
        }
        return null;
    }

    private static FamilyLink throughContainer(DocumentFacts d, Map<String, DocumentFacts> byId, Map<String, FamilyLink> links) {
        if (d.parentId() == null) {
            return null;
        }
        DocumentFacts parent = byId.get(d.parentId());
        String contract = parent == null ? null : parent.kind() == DocumentKind.CONTRACT ? parent.id()
                : links.containsKey(parent.id()) ? links.get(parent.id()).contractId() : null;
        if (contract == null) {
            return null;
        }
        return new FamilyLink(d.id(), contract, FamilyLink.relationFor(d.kind()), "随「" + titleOf(parent) + "」一起提交", 0.85);
    }

    private static FamilyLink throughChildren(DocumentFacts d, Map<String, DocumentFacts> byId, Map<String, FamilyLink> links) {
        for (DocumentFacts child : byId.values()) {
            if (d.id().equals(child.parentId())) {
                String contract = child.kind() == DocumentKind.CONTRACT ? child.id()
                        : links.containsKey(child.id()) ? links.get(child.id()).contractId() : null;
                if (contract != null && !contract.equals(d.id())) {
                    return new FamilyLink(d.id(), contract, FamilyLink.relationFor(d.kind()), "所附「" + titleOf(child) + "」属于该合同", 0.85);
                }
            }
        }
        return null;
    }

    private static FamilyLink throughThread(DocumentFacts d, Map<String, DocumentFacts> byMessageId, Map<String, FamilyLink> links) {
        if (d.inReplyTo() == null) {
            return null;
        }
        DocumentFacts original = byMessageId.get(d.inReplyTo());
        if (original == null || !links.containsKey(original.id())) {
            return null;
        }
        return new FamilyLink(d.id(), links.get(original.id()).contractId(), FamilyLink.relationFor(d.kind()),
                "回复邮件「" + titleOf(original) + "」", 0.85);
    }

    private static FamilyLink byParties(DocumentFacts d, List<DocumentFacts> contracts) {
        Set<String> parties = Set.copyOf(d.parties());
        DocumentFacts only = null;
        for (DocumentFacts c : contracts) {
            if (c.parties().size() >= 2 && parties.containsAll(c.parties().subList(0, 2))
                    && (d.date() == null || c.date() == null || !d.date().isBefore(c.date()))) {
                if (only != null) {
                    return null; // ambiguous: two contracts between the same parties
                }
                only = c;
            }
        }
        if (only == null) {
            return null;
        }
        return new FamilyLink(d.id(), only.id(), FamilyLink.relationFor(d.kind()),
                "当事方相同（" + String.join("、", only.parties().subList(0, 2)) + "），日期在合同签订之后", 0.6);
    }

    private static String titleOf(DocumentFacts d) {
        return d.title() == null ? d.id() : d.title();
    }
}
