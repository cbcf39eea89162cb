package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hetong.archive.Json;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.testing.Multipart;
import org.hetong.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hostile strings in real headless Chromium: a file name, document text, a clause heading, a
 * query and a token name built to run script if any of them reached the page as HTML. Every view
 * that shows them is opened, and {@code window.__xss} must stay unset with no alert. Also: the
 * login page, what a reader does not see, and the audit page showing a reader's download.
 */
class SecurityBrowserIT {
    static final String HOSTILE_NAME = "<img src=x onerror=window.__xss=1;alert(1)>.txt";
    static final String HOSTILE_PDF = "\"><svg onload=window.__xss=4>损坏.pdf";
    static final String HOSTILE_TOKEN = "<img src=x onerror=window.__xss=7>";
    static final String HOSTILE_QUERY = "\"><img src=x onerror=window.__xss=5> 恶意测试标记";
    static final String TEXT = """
            软件开发合同<script>window.__xss=2</script>
            合同编号：HT-XSS-2024-001
            甲方：<img src=x onerror=window.__xss=6>科技有限公司
            乙方：北京某某软件有限公司
            第一条 "><svg onload=window.__xss=3> 保密
            双方应对恶意测试标记及合作中知悉的商业秘密保密。<script>window.__xss=2</script>
            第二条 违约责任
            任何一方违约，应向对方支付违约金人民币壹万元。
            第三条 争议解决
            因本合同引起的争议，提交北京仲裁委员会仲裁。
            甲方（盖章）：                 乙方（盖章）：
            签订日期：2024年3月1日
            """;

    @TempDir
    static Path tmp;
    private static Services services;
    private static Javalin app;
    private static ChromeDriver browser;
    private static String documentId;
    private static String jobId;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        services = Services.open(tmp.resolve("archive"), ConfigFiles.fromDirectory(Path.of("index-config")));
        TestAccounts.create(services.users);
        services.queue.start();
        app = WebApp.create(services.web());
        app.start("127.0.0.1", 0);

        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> upload = new Multipart()
                .file(HOSTILE_NAME, TEXT.getBytes(StandardCharsets.UTF_8))
                .file(HOSTILE_PDF, "%PDF-1.4 这不是一个完整的 PDF".getBytes(StandardCharsets.UTF_8))
                .post(client, url("/api/uploads"));
        assertEquals(202, upload.statusCode(), upload.body());
        jobId = Json.MAPPER.readTree(upload.body()).get("jobId").asText();
        JsonNode job = awaitJob(jobId);
        for (JsonNode item : job.get("items")) {
            if (item.get("name").asText().endsWith(".txt")) {
                documentId = item.get("documentId").asText();
            }
        }
        String text = Http.text(Http.get(url("/api/documents/" + documentId + "/text")));
        assertTrue(text.contains("<script>window.__xss=2</script>"), "the hostile text is stored as text: " + text);
        HttpResponse<byte[]> token = send("POST", "/api/tokens", "{\"name\":\"" + HOSTILE_TOKEN + "\"}");
        assertEquals(201, token.statusCode(), Http.text(token));
        HttpResponse<byte[]> download = Http.get(url("/api/documents/" + documentId + "/original"), TestAccounts.basic(TestAccounts.READER));
        assertEquals(200, download.statusCode());
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

    @Test
    void hostileFileNamesTextHeadingsQueriesAndTokenNamesNeverRunAsScript() {
        logInAs(TestAccounts.ADMIN);
        WebDriverWait wait = waiter();

        open("#/search?q=" + Http.encode("恶意测试标记"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
        assertNoScriptRan("search hits");

        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.clear();
        box.sendKeys(HOSTILE_QUERY);
        browser.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.urlContains("onerror"));
        wait.until(d -> !d.findElement(By.id("total")).getText().isBlank() || d.findElement(By.id("message")).isDisplayed());
        assertNoScriptRan("a hostile query and its suggestions");

        open("#/doc/" + documentId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clauses"), "保密"));
        browser.findElement(By.id("toggle-text")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("doc-text"), "<script>window.__xss=2</script>"));
        assertTrue(browser.findElement(By.id("doc-meta")).getText().contains("<img src=x onerror"), "the file name is shown as text");
        assertNoScriptRan("the document view and its text");

        open("#/contract/" + documentId);
        wait.until(d -> d.findElement(By.id("family-title")).isDisplayed() && !d.findElement(By.id("family-title")).getText().isBlank()
                || d.findElement(By.id("family-error")).isDisplayed());
        assertNoScriptRan("the family view");

        open("#/upload/" + jobId);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#upload-items tr.upload-item"), 2));
        assertTrue(browser.findElement(By.id("upload-items")).getText().contains("<img src=x onerror"));
        assertNoScriptRan("the upload job");

        open("#/quarantine");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quarantine-list"), "<svg onload"));
        assertNoScriptRan("the quarantine");

        open("#/documents");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents-list"), "<img src=x onerror"));
        assertNoScriptRan("the archive list");

        open("#/audit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-list"), "onerror"));
        assertNoScriptRan("the audit log");

        open("#/users");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tokens-list"), HOSTILE_TOKEN));
        assertNoScriptRan("the token list");
    }

    @Test
    void theAuditPageShowsADownloadByAReader() {
        logInAs(TestAccounts.ADMIN);
        WebDriverWait wait = waiter();
        open("#/audit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit-list .audit-row")));
        browser.findElement(By.id("audit-user")).sendKeys(TestAccounts.READER);
        new Select(browser.findElement(By.id("audit-action"))).selectByValue("download");
        browser.findElement(By.id("audit-apply")).click();
        wait.until(ExpectedConditions.urlContains("action=download"));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#audit-list tr.audit-row[data-action='download'][data-username='reader']")));
        assertEquals(documentId, row.findElement(By.cssSelector(".audit-target")).getText());
        assertEquals("下载原件", row.findElement(By.cssSelector(".audit-action")).getText());
        assertTrue(row.findElement(By.cssSelector(".audit-detail")).getText().contains(".txt"), "names the file");
        assertEquals("127.0.0.1", row.findElement(By.cssSelector(".audit-ip")).getText());
        String export = browser.findElement(By.id("audit-export")).getAttribute("href");
        assertTrue(export.contains("/api/audit/export.csv") && export.contains("user=reader") && export.contains("action=download"), export);
    }

    @Test
    void theLoginPageIsChineseAndAReaderSeesNeitherUploadNorAdministration() {
        browser.manage().deleteAllCookies();
        browser.get(url("/#/audit"));
        WebDriverWait wait = waiter();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertTrue(browser.findElement(By.id("login-heading")).getText().contains("登录"));
        assertFalse(browser.findElement(By.id("search-view")).isDisplayed(), "nothing of the archive before login");
        browser.findElement(By.id("login-username")).sendKeys(TestAccounts.READER);
        browser.findElement(By.id("login-password")).sendKeys("wrong-password");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("login-error"), "用户名或密码错误。"));

        logInAs(TestAccounts.READER);
        assertEquals("查阅", browser.findElement(By.id("user-role")).getText());
        for (String id : List.of("nav-upload", "nav-users", "nav-audit", "nav-trash")) {
            assertFalse(browser.findElement(By.id(id)).isDisplayed(), id + " is hidden from a reader");
        }
        open("#/audit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-view")));
        assertFalse(browser.findElement(By.id("audit-view")).isDisplayed(), "a reader is sent back to search");

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertEquals(401, ((Number) browser.executeAsyncScript(
                "const done = arguments[0]; fetch('/api/search?q=x', {headers: {'X-Requested-With': 'XMLHttpRequest'}}).then(r => done(r.status));"))
                .intValue(), "the session cookie no longer works after logout");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void logInAs(String username) {
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, url(""), username);
    }

    private static void open(String hash) {
        browser.get(url("/" + hash));
        waiter().until(ExpectedConditions.visibilityOfElementLocated(By.id("user-box")));
    }

    private static void assertNoScriptRan(String where) {
        try {
            browser.switchTo().alert();
            throw new AssertionError("an alert opened in " + where);
        } catch (NoAlertPresentException expected) {
            // As it should be.
        }
        assertNull(browser.executeScript("return window.__xss;"), "script ran in " + where);
    }

    private static WebDriverWait waiter() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    private static HttpResponse<byte[]> send(String method, String path, String json) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                .header("Authorization", TestAccounts.admin()).header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode awaitJob(String job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode progress = null;
        while (System.nanoTime() < deadline) {
            progress = Http.json(Http.get(url("/api/uploads/" + job)));
            if ("done".equals(progress.get("state").asText())) {
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("upload job not done: " + progress);
    }
}
