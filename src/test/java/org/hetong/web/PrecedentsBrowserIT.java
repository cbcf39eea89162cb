package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Precedents in real headless Chromium against the real server over the sample archive: similar clauses of a hit
 * in other contracts, the side-by-side character diff, suggestions while typing, and the Excel export link.
 */
class PrecedentsBrowserIT {
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

    private static WebDriverWait waiter() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void similarClausesOfAHitComeFromOtherContractsAndCompareSideBySide() {
        browser.get(server.url("/"));
        WebDriverWait wait = waiter();
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.sendKeys("保密");
        browser.findElement(By.id("search-button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
        WebElement first = browser.findElements(By.cssSelector("#results .hit")).get(0);
        String sourceClause = first.getAttribute("data-clause-id");
        String sourceDocument = first.getAttribute("data-document-id");
        String sourceTitle = first.findElement(By.cssSelector(".hit-title")).getText();
        WebElement similarButton = first.findElement(By.cssSelector("button.similar-button"));
        assertEquals("相似条款", similarButton.getText());
        similarButton.click();

        // The panel: a dialog listing precedents, at least one of them from another document.
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("similar-panel")));
        assertEquals("dialog", panel.getAttribute("role"));
        assertEquals("true", similarButton.getAttribute("aria-expanded"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#similar-list li.similar-item[data-clause-id]")));
        List<WebElement> items = browser.findElements(By.cssSelector("#similar-list li.similar-item"));
        WebElement other = items.stream()
                .filter(item -> !sourceDocument.equals(item.getAttribute("data-document-id")))
                .findFirst().orElse(null);
        assertNotNull(other, "a precedent from another document is listed");
        String otherClause = other.getAttribute("data-clause-id");
        assertFalse(sourceClause.equals(otherClause));
        WebElement otherLink = other.findElement(By.cssSelector("a.similar-doc"));
        String otherTitle = otherLink.getText();
        assertFalse(otherTitle.isBlank(), "the precedent names its document");
        assertTrue(otherLink.getAttribute("href").endsWith("?clause=" + otherClause), otherLink.getAttribute("href"));
        String overlap = other.findElement(By.cssSelector(".similar-overlap")).getText();
        assertTrue(overlap.matches("相似度 \\d{1,3}%"), overlap);
        assertTrue(browser.findElement(By.id("similar-family")).isDisplayed(), "the 含本合同族 switch is shown");

        WebElement compare = other.findElement(By.cssSelector("button.compare-button"));
        assertEquals("对比", compare.getText());
        compare.click();

        // The diff: both clauses, changed runs marked, the similarity, a bookmarkable URL.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff-view")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diff-similarity"), "文字相同"));
        String similarity = browser.findElement(By.id("diff-similarity")).getText();
        assertTrue(similarity.matches("文字相同 \\d{1,3}%"), similarity);
        String hash = URLDecoder.decode(browser.getCurrentUrl(), StandardCharsets.UTF_8);
        assertTrue(hash.endsWith("#/diff?a=" + sourceClause + "&b=" + otherClause), hash);
        WebElement left = browser.findElement(By.id("diff-left"));
        WebElement right = browser.findElement(By.id("diff-right"));
        assertEquals(sourceTitle, left.findElement(By.cssSelector(".diff-doc")).getText());
        assertEquals(otherTitle, right.findElement(By.cssSelector(".diff-doc")).getText());
        assertFalse(left.findElement(By.cssSelector(".diff-text")).getText().isBlank());
        assertFalse(right.findElement(By.cssSelector(".diff-text")).getText().isBlank());
        int deleted = browser.findElements(By.cssSelector("#diff-left del.diff-del")).size();
        int inserted = browser.findElements(By.cssSelector("#diff-right ins.diff-ins")).size();
        assertTrue(deleted + inserted > 0, "changed runs are marked");
        assertTrue(browser.findElements(By.cssSelector("#diff-left ins, #diff-right del")).isEmpty(),
                "the left column shows only what was deleted, the right only what was inserted");
        assertFalse(browser.findElement(By.id("search-view")).isDisplayed(), "the search view is hidden during the diff");
        assertFalse(browser.findElement(By.id("similar-panel")).isDisplayed(), "the panel is closed during the diff");

        // Back: the search, with the panel reopened where it was; Esc closes it.
        browser.findElement(By.id("diff-back")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("similar-panel")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#similar-list li.similar-item")));
        assertTrue(browser.findElement(By.id("search-view")).isDisplayed());
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("similar-panel")));
    }

    @Test
    void aBookmarkedDiffOpensDirectly() throws Exception {
        HttpResponse<byte[]> search = Http.get(server.url("/api/search?q=" + Http.encode("保密") + "&size=1"));
        String a = Http.json(search).path("hits").path(0).path("clauseId").asText();
        HttpResponse<byte[]> similar = Http.get(server.url("/api/clauses/" + a + "/similar?size=1"));
        String b = Http.json(similar).path("similar").path(0).path("clauseId").asText();
        assertFalse(a.isEmpty() || b.isEmpty(), "the sample archive has a clause with a precedent");

        browser.get(server.url("/#/diff?a=" + a + "&b=" + b));
        WebDriverWait wait = waiter();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diff-similarity"), "文字相同"));
        assertFalse(browser.findElement(By.cssSelector("#diff-left .diff-doc")).getText().isBlank());
        assertFalse(browser.findElement(By.cssSelector("#diff-right .diff-doc")).getText().isBlank());
        assertTrue(browser.findElement(By.id("diff-back")).isDisplayed(), "there is a way back");

        browser.findElement(By.id("diff-swap")).click();
        wait.until(ExpectedConditions.urlContains("#/diff?a=" + b));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diff-similarity"), "文字相同"));
    }

    @Test
    void typingShowsSuggestionsThatSearchWhenPicked() {
        browser.get(server.url("/"));
        WebDriverWait wait = waiter();
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.sendKeys("保");
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
        assertEquals("listbox", list.getAttribute("role"));
        List<WebElement> options = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#suggestions li.suggestion")));
        assertTrue(options.stream().anyMatch(o -> o.getText().equals("保密")), "保密 is suggested");

        box.sendKeys(Keys.ARROW_DOWN);
        String picked = options.get(0).getText();
        assertEquals(options.get(0).getAttribute("id"), box.getAttribute("aria-activedescendant"));
        box.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("#/search?q="));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("suggestions")));
        String value = browser.findElement(By.id("q")).getAttribute("value");
        assertTrue(value.equals(picked) || value.equals("\"" + picked + "\""), value);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), "条结果"));
    }

    @Test
    void theResultListExportsToExcel() throws Exception {
        browser.get(server.url("/#/search?q=" + Http.encode("保密") + "&type=" + Http.encode("保密")));
        WebDriverWait wait = waiter();
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("export-xlsx")));
        assertEquals("导出 Excel", link.getText());
        assertNotNull(link.getAttribute("download"));
        String href = link.getAttribute("href");
        assertTrue(href.startsWith(server.url("/api/search/export.xlsx?")), href);
        String decoded = URLDecoder.decode(href, StandardCharsets.UTF_8);
        assertTrue(decoded.contains("q=保密") && decoded.contains("type=保密"), decoded);

        HttpResponse<byte[]> response = Http.get(href);
        assertEquals(200, response.statusCode());
        byte[] body = response.body();
        assertTrue(body.length > 4 && body[0] == 'P' && body[1] == 'K', "an .xlsx (zip) file");
    }
}
