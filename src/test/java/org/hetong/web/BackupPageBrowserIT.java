package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.hetong.backup.Backups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The backup panel of the accounts page in real headless Chromium: an administrator makes a backup and gets its link. */
class BackupPageBrowserIT {
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
    void anAdministratorMakesABackupFromTheAccountsPageAndGetsItsDownloadLink() throws Exception {
        browser.get(server.url("/#/users"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("backup-create"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("backup-status"), "已完成备份"));
        List<WebElement> rows = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#backups-list .backup-row")));
        String name = rows.get(0).getAttribute("data-name");
        assertTrue(Backups.isName(name), name);
        WebElement link = rows.get(0).findElement(By.cssSelector("a.backup-download"));
        assertEquals(server.url("/api/admin/backups/" + name), link.getAttribute("href"));
        assertEquals(200, Http.get(link.getAttribute("href")).statusCode(), "the link downloads the backup");
        assertTrue(browser.findElement(By.id("backup-status")).getText().contains("个文档"),
                browser.findElement(By.id("backup-status")).getText());
    }
}
