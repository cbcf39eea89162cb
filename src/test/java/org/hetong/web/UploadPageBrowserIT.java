package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.testing.GeneratedContracts;
import org.hetong.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Uploading from the page in real headless Chromium, against a real server with its workers. */
class UploadPageBrowserIT {
    @TempDir
    static Path tmp;
    private static Services services;
    private static Javalin app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        services = Services.open(tmp.resolve("archive"), ConfigFiles.fromDirectory(Path.of("index-config")));
        TestAccounts.create(services.users);
        services.queue.start();
        app = WebApp.create(services.web());
        app.start("127.0.0.1", 0);
        Browser.logIn(browser, "http://127.0.0.1:" + app.port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.stop();
            services.close();
        }
    }

    /**
     * Issue 6: a signed contract scanned to an image-only PDF, picked in the upload page, is read by
     * Tesseract and then found by its clauses: 保密 finds 第六条 保密, marked as OCR text.
     */
    @Test
    void aScannedContractUploadedFromThePageIsFoundByItsConfidentialityClause() {
        Path scan = Path.of("src/test/resources/fixtures/scans/contract-scan-300dpi.pdf").toAbsolutePath();
        String base = "http://127.0.0.1:" + app.port();
        browser.get(base + "/#/upload");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(240));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-input"))).sendKeys(scan.toString());
        wait.until(ExpectedConditions.textToBe(By.id("count-stored"), "1"));
        assertEquals("0", browser.findElement(By.id("count-failed")).getText());

        browser.get(base + "/#/search?q=" + java.net.URLEncoder.encode("保密", StandardCharsets.UTF_8) + "&ocr=true");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
        WebElement first = browser.findElements(By.cssSelector("#results .hit")).get(0);
        assertEquals("第六条", first.findElement(By.cssSelector(".hit-number")).getText());
        assertEquals("保密", first.findElement(By.cssSelector(".hit-heading")).getText());
        assertEquals("OCR", first.findElement(By.cssSelector(".hit-ocr")).getText());
        assertTrue(first.findElement(By.cssSelector(".hit-text")).getText().contains("保密期限"),
                first.findElement(By.cssSelector(".hit-text")).getText());
    }

    @Test
    void uploadingSeveralFilesFillsTheProgressBarAndShowsAFailedFilesReason() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("to-upload"));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path file = folder.resolve(GeneratedContracts.fileName(500 + i));
            Files.write(file, GeneratedContracts.bytes(500 + i));
            paths.add(file.toString());
        }
        Path broken = folder.resolve("损坏的扫描件.pdf");
        Files.writeString(broken, "%PDF-1.4 这不是一个完整的 PDF", StandardCharsets.UTF_8);
        paths.add(broken.toString());

        browser.get("http://127.0.0.1:" + app.port() + "/#/upload");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-input")));
        input.sendKeys(String.join("\n", paths));

        wait.until(ExpectedConditions.attributeToBe(By.id("upload-progress"), "value", "100"));
        wait.until(ExpectedConditions.textToBe(By.id("count-stored"), "6"));
        assertEquals("1", browser.findElement(By.id("count-failed")).getText());
        assertEquals("0", browser.findElement(By.id("count-waiting")).getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("#upload-items tr.upload-item"));
        assertEquals(7, rows.size());
        WebElement failed = rows.stream()
                .filter(r -> "损坏的扫描件.pdf".equals(r.getAttribute("data-name")))
                .findFirst().orElseThrow();
        assertTrue(failed.findElement(By.cssSelector("td.item-status")).getText().contains("失败"));
        String reason = failed.findElement(By.cssSelector("td.item-error")).getText();
        assertTrue(reason.contains("损坏") && reason.contains("重新"), "the reason says what is wrong and what to do: " + reason);
        assertTrue(browser.getCurrentUrl().contains("#/upload/"), "the job is bookmarkable: " + browser.getCurrentUrl());
    }
}
