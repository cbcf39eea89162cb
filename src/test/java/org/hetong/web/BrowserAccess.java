package org.hetong.web;

import org.openqa.selenium.chrome.ChromeDriver;

/** Lets measurements outside this package start the same headless Chromium as the page tests. */
public final class BrowserAccess {
    private BrowserAccess() {}

    public static ChromeDriver start() {
        return Browser.start();
    }

    /** Logs in through the page as the test administrator. */
    public static void logIn(ChromeDriver driver, String origin) {
        Browser.logIn(driver, origin);
    }
}
