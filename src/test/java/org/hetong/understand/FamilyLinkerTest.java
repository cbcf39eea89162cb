package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FamilyLinkerTest {
    private final FamilyLinker linker = new FamilyLinker();

    private static DocumentFacts contract(String id, String number, String title, String... parties) {
        return new DocumentFacts(id, DocumentKind.CONTRACT, title, number, FactsExtractor.normalizeTitle(title), List.of(parties),
                LocalDate.of(2023, 5, 8), null, Set.of(), Set.of(), null, null, null, List.of());
    }

    private static DocumentFacts doc(String id, DocumentKind kind, String number, Set<String> numbers, Set<String> titles,
                                     String messageId, String inReplyTo, String parent, String... parties) {
        return new DocumentFacts(id, kind, id, number, null, List.of(parties), LocalDate.of(2023, 9, 1), null, numbers, titles,
                messageId, inReplyTo, parent, List.of());
    }

    @Test
    void aLetterCitingTheContractNumberJoinsItsFamily() {
        Map<String, FamilyLink> links = linker.link(List.of(
                contract("c1", "HT-2023-0417", "智慧政务平台开发合同"),
                doc("l1", DocumentKind.CORRESPONDENCE, null, Set.of("HT-2023-0417"), Set.of(), null, null, null)));
        FamilyLink link = links.get("l1");
        assertEquals("c1", link.contractId());
        assertEquals(FamilyLink.CORRESPONDENCE, link.relation());
        assertTrue(link.reason().contains("HT-2023-0417"), link.reason());
    }

    @Test
    void aSupplementNumberedAfterTheContractJoinsItsFamily() {
        Map<String, FamilyLink> links = linker.link(List.of(
                contract("c1", "HT-2023-0417", "智慧政务平台开发合同"),
                doc("s1", DocumentKind.SUPPLEMENT, "HT-2023-0417-BC01", Set.of(), Set.of(), null, null, null)));
        assertEquals("c1", links.get("s1").contractId());
        assertEquals(FamilyLink.SUPPLEMENT, links.get("s1").relation());
    }

    @Test
    void aBookTitleReferenceLinksWhenItNamesExactlyOneContract() {
        Map<String, FamilyLink> links = linker.link(List.of(
                contract("c1", null, "智能推荐算法优化技术服务合同"),
                doc("n1", DocumentKind.CORRESPONDENCE, null, Set.of(), Set.of("智能推荐算法优化技术服务合同"), null, null, null)));
        assertEquals("c1", links.get("n1").contractId());
    }

    @Test
    void attachmentsRepliesAndContainersFollowTheDocumentTheyTravelWith() {
        Map<String, FamilyLink> links = linker.link(List.of(
                contract("c1", "JLYY-YW-2024-012", "运维服务合同"),
                doc("mail", DocumentKind.CORRESPONDENCE, null, Set.of("JLYY-YW-2024-012"), Set.of(), "<m1@example.com>", null, null),
                doc("att", DocumentKind.ATTACHMENT, null, Set.of(), Set.of(), null, null, "mail"),
                doc("reply", DocumentKind.CORRESPONDENCE, null, Set.of(), Set.of(), "<m2@example.com>", "<m1@example.com>", null),
                doc("zip", DocumentKind.OTHER, null, Set.of(), Set.of(), null, null, null),
                doc("entry", DocumentKind.SUPPLEMENT, null, Set.of("JLYY-YW-2024-012"), Set.of(), null, null, "zip")));
        assertEquals("c1", links.get("att").contractId());
        assertTrue(links.get("att").reason().contains("随"), links.get("att").reason());
        assertEquals("c1", links.get("reply").contractId());
        assertTrue(links.get("reply").reason().contains("回复"), links.get("reply").reason());
        assertEquals("c1", links.get("zip").contractId(), "an archive follows the entry that names the contract");
    }

    @Test
    void partiesAndDatesLinkOnlyWhenOneContractFits() {
        List<DocumentFacts> one = List.of(contract("c1", "A-1", "开发合同", "甲公司", "乙公司"),
                doc("memo", DocumentKind.CORRESPONDENCE, null, Set.of(), Set.of(), null, null, null, "甲公司", "乙公司"));
        FamilyLink link = linker.link(one).get("memo");
        assertEquals("c1", link.contractId());
        assertTrue(link.confidence() < 0.9, "weaker evidence, lower confidence");

        List<DocumentFacts> two = List.of(contract("c1", "A-1", "开发合同", "甲公司", "乙公司"),
                contract("c2", "A-2", "运维合同", "甲公司", "乙公司"),
                doc("memo", DocumentKind.CORRESPONDENCE, null, Set.of(), Set.of(), null, null, null, "甲公司", "乙公司"));
        assertFalse(linker.link(two).containsKey("memo"), "two contracts between the same parties: no guess");
    }

    @Test
    void contractsAreNotLinkedToOtherContracts() {
        Map<String, FamilyLink> links = linker.link(List.of(contract("c1", "HT-1", "甲合同"), contract("c2", "HT-2", "乙合同")));
        assertTrue(links.isEmpty());
    }
}
