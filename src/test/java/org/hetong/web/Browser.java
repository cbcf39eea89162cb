package org.hetong.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hetong.testing.TestAccounts;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for page tests, from Debian's {@code chromium} and {@code chromium-driver}
 * packages, named explicitly so Selenium Manager never runs (nothing may be downloaded at test
 * time). Where the packages are missing the tests are skipped with the reason printed — except
 * in CI ({@code CI=true}), where a missing browser fails the run.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    static ChromeDriver start() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!available) {
            String reason = "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); install them with: apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must run the browser tests, but " + reason);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** Logs in through the page's login form at {@code origin} (e.g. http://127.0.0.1:1234) as a test account. */
    static void logIn(ChromeDriver driver, String origin, String username) {
        driver.get("about:blank"); // a full load, not a hash change of the page already open
        driver.get(origin + "/#/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        driver.findElement(By.id("login-username")).clear();
        driver.findElement(By.id("login-username")).sendKeys(username);
        driver.findElement(By.id("login-password")).clear();
        driver.findElement(By.id("login-password")).sendKeys(TestAccounts.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-box")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("login as " + username + " failed: " + driver.findElement(By.id("login-error")).getText()
                    + " / " + driver.findElement(By.id("message")).getText(), e);
        }
    }

    /** Logs in as the test administrator. */
    static void logIn(ChromeDriver driver, String origin) {
        logIn(driver, origin, TestAccounts.ADMIN);
    }
}
