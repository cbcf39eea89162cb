package org.hetong.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hetong.testing.DocumentFormats.Format;
import org.junit.jupiter.api.Test;

class ContractCorpusTest {
    @Test
    void capitalsAreWrittenAsFinancialDocumentsWriteThem() {
        assertEquals("壹佰捌拾陆万", ChineseForms.capitals(1_860_000));
        assertEquals("壹拾万零伍佰", ChineseForms.capitals(100_500));
        assertEquals("壹佰贰拾万叁仟", ChineseForms.capitals(1_203_000));
        assertEquals("壹佰零伍万", ChineseForms.capitals(1_050_000));
        assertEquals("壹亿零伍", ChineseForms.capitals(100_000_005));
        assertEquals("人民币贰佰零壹万陆仟元整", ChineseForms.capitalAmount(2_016_000));
        assertEquals("¥2,016,000.00", ChineseForms.figureAmount(2_016_000));
    }

    @Test
    void articleNumbersAndDatesAreWrittenInChinese() {
        assertEquals("十二", ChineseForms.lower(12));
        assertEquals("二十", ChineseForms.lower(20));
        assertEquals("三十五", ChineseForms.lower(35));
        assertEquals("一百零五", ChineseForms.lower(105));
        assertEquals("二〇二三年五月二十八日", ChineseForms.chineseDate(LocalDate.of(2023, 5, 28)));
    }

    @Test
    void theSameOptionsGiveTheSameFiles() {
        ContractCorpus.Options options = ContractCorpus.Options.realistic(5, 40);
        List<ContractCorpus.CorpusFile> first = new ArrayList<>();
        new ContractCorpus(options).forEach(first::add);
        List<ContractCorpus.CorpusFile> second = new ArrayList<>();
        new ContractCorpus(options).forEach(second::add);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).path(), second.get(i).path());
            assertArrayEquals(first.get(i).bytes(), second.get(i).bytes(), first.get(i).path());
        }
        assertTrue(first.stream().mapToInt(ContractCorpus.CorpusFile::documents).sum() >= 40);
    }

    @Test
    void aContractHasItsNumberPartiesAmountAndNumberedArticles() {
        ContractFamilies.Family family = new ContractFamilies(8).family(3);
        ContractFamilies.Doc contract = family.docs().get(0);
        assertEquals(ContractFamilies.Kind.CONTRACT, contract.kind());
        assertTrue(contract.text().contains("合同编号：" + family.contractNumber()), contract.text());
        assertTrue(contract.text().contains(family.buyer()) && contract.text().contains(family.seller()));
        assertTrue(contract.clauses() >= 12 + 2);
        for (ContractFamilies.Doc d : family.docs().subList(1, family.docs().size())) {
            if (d.kind() == ContractFamilies.Kind.SUPPLEMENT) {
                assertTrue(d.text().contains("《" + family.contractTitle() + "》") && d.text().contains(family.contractNumber()),
                        "a supplement cites its contract: " + d.text());
            }
        }
    }

    @Test
    void plainTextOnlyCorporaStopAtAboutTheClausesAskedFor() {
        ContractCorpus corpus = new ContractCorpus(new ContractCorpus.Options(1, Integer.MAX_VALUE, 2_000,
                Map.of(Format.TXT, 1), 0, 24, 40, true));
        long clauses = 0;
        for (ContractCorpus.CorpusFile f : corpus) {
            clauses += f.clauses();
            assertTrue(new String(f.bytes(), StandardCharsets.UTF_8).contains("合同编号"), f.path());
        }
        assertTrue(clauses >= 2_000 && clauses < 2_000 + 45, "clauses: " + clauses);
    }
}
