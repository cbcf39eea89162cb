package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The contract family page (#/contract/{id}) in real headless Chromium over the sample archive: the
 * software development contract HT-2023-0417 with its two supplements and its letters on the
 * timeline, and its 第五条 shown "as amended" by the first supplement.
 */
class FamilyPageBrowserIT {
    private static SampleServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        server = SampleServer.get();
        Browser.logIn(browser, server.url(""));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theFamilyPageShowsSupplementsCorrespondenceAndAmendedClausesAndAppendices() {
        String contract = server.documentIdOf("01-江临市智慧政务平台开发/软件开发合同-HT-2023-0417.docx");
        String supplement = server.documentIdOf("01-江临市智慧政务平台开发/第一补充协议-HT-2023-0417-BC01.pdf");
        browser.get(server.url("/#/contract/" + contract));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#family-timeline .family-member")));
        assertTrue(browser.findElement(By.id("family-title")).getText().contains("软件开发合同"),
                browser.findElement(By.id("family-title")).getText());

        List<WebElement> members = browser.findElements(By.cssSelector("#family-timeline .family-member"));
        assertEquals(1, count(members, ".member-relation.relation-contract"));
        assertEquals(2, count(members, ".member-relation.relation-supplement"));
        assertEquals(4, count(members, ".member-relation.relation-correspondence"));
        assertTrue(members.stream().anyMatch(m -> m.findElement(By.cssSelector(".member-title")).getText().contains("补充协议")));

        WebElement fifth = browser.findElements(By.cssSelector("#family-clauses .family-clause.amended")).stream()
                .filter(c -> c.findElements(By.cssSelector(".clause-number")).stream().anyMatch(n -> n.getText().equals("第五条")))
                .findFirst().orElseThrow(() -> new AssertionError("第五条 is not shown as amended"));
        WebElement amendment = fifth.findElement(By.cssSelector("li.amendment.action-modify"));
        assertEquals(supplement, amendment.getAttribute("data-document-id"));
        assertEquals("2023-11-20", amendment.findElement(By.cssSelector(".amendment-date")).getText());
        assertEquals("修改", amendment.findElement(By.cssSelector(".amendment-action")).getText());
        assertTrue(amendment.findElement(By.cssSelector(".amendment-text")).getText().contains("2024"));

        // The same supplement moves a date in the implementation plan, 附件二: that appendix is shown amended too.
        WebElement plan = browser.findElements(By.cssSelector("#family-clauses .family-clause.amended")).stream()
                .filter(c -> c.findElements(By.cssSelector(".clause-number")).stream().anyMatch(n -> n.getText().equals("附件二")))
                .findFirst().orElseThrow(() -> new AssertionError("附件二 is not shown as amended"));
        assertTrue(plan.findElement(By.cssSelector("li.amendment.action-modify .amendment-text")).getText().contains("项目实施计划"));
    }

    private static long count(List<WebElement> members, String css) {
        return members.stream().filter(m -> !m.findElements(By.cssSelector(css)).isEmpty()).count();
    }
}
