package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The search page in real headless Chromium against the real server over the sample archive. */
class SearchPageBrowserIT {
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
    void typingAQueryShowsHighlightedClauseHitsAndOpensTheDocument() {
        browser.get(server.url("/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.sendKeys("知识产权");
        browser.findElement(By.id("search-button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
        List<WebElement> hits = browser.findElements(By.cssSelector("#results .hit"));
        assertFalse(hits.isEmpty());
        WebElement first = hits.get(0);
        List<WebElement> marks = first.findElements(By.cssSelector(".hit-text mark"));
        assertFalse(marks.isEmpty(), "the first hit has highlights");
        assertEquals("知识产权", marks.get(0).getText());
        assertFalse(first.findElement(By.cssSelector(".hit-number")).getText().isBlank(), "the clause number is shown");
        assertEquals("知识产权", first.findElement(By.cssSelector(".hit-heading")).getText());
        assertTrue(browser.findElement(By.id("total")).getText().contains("条结果"), browser.findElement(By.id("total")).getText());
        assertTrue(browser.getCurrentUrl().contains("#/search?q="), "the search is bookmarkable: " + browser.getCurrentUrl());

        String title = first.findElement(By.cssSelector(".hit-title")).getText();
        String clauseId = first.getAttribute("data-clause-id");
        first.findElement(By.cssSelector(".hit-title")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-view")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("doc-title"), title));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#clauses .clause")));
        assertTrue(browser.findElements(By.cssSelector("#clauses .clause[data-clause-id='" + clauseId + "']")).size() == 1,
                "the hit's clause is in the document view");
        String download = browser.findElement(By.id("download-original")).getAttribute("href");
        assertTrue(download.endsWith("/original"), download);
        assertFalse(browser.findElement(By.id("search-view")).isDisplayed(), "the search view is hidden while reading");
    }

    @Test
    void aRelaxedSearchSaysHowManyClausesMatchedAsWritten() {
        browser.get(server.url("/#/search?q=" + Http.encode("期限 type:违约责任")));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
        String total = browser.findElement(By.id("total")).getText();
        assertTrue(total.matches(".*完整匹配只有 \\d+ 条.*部分匹配.*"), total);
    }

    @Test
    void aQueryWithoutResultsSaysSo() {
        browser.get(server.url("/#/search?q=" + Http.encode("这个词组在档案中不存在")));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement empty = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results p.empty")));
        assertFalse(empty.getText().isBlank());
    }

    @Test
    void aMalformedQueryShowsTheServersExplanation() {
        browser.get(server.url("/#/search?q=" + Http.encode("\"不可抗力")));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "引号"));
    }
}
