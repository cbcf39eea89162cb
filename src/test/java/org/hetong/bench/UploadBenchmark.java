package org.hetong.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.hetong.archive.Json;
import org.hetong.testing.GeneratedContracts;
import org.hetong.testing.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 1,000 generated contracts uploaded from the web page in one go, into a server process limited
 * to a 512 MB heap: files per second from the moment the files are picked until the job is done,
 * and the highest heap use the server reported meanwhile. A measurement, not a test: run with
 * {@code mvn -B test -Pbench -Dtest=UploadBenchmark}; it prints the numbers for BENCHMARKS.md.
 */
@Tag("benchmark")
class UploadBenchmark {
    private static final int FILES = Integer.getInteger("bench.files", 1000);

    @TempDir
    Path tmp;

    @Test
    void uploadOneThousandContractsFromThePage() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("contracts"));
        List<String> paths = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < FILES; i++) {
            Path file = folder.resolve(GeneratedContracts.fileName(10_000 + i));
            byte[] content = GeneratedContracts.bytes(10_000 + i);
            Files.write(file, content);
            bytes += content.length;
            paths.add(file.toString());
        }
        ChromeDriver browser = org.hetong.web.BrowserAccess.start();
        try (ServerProcess server = ServerProcess.start(tmp.resolve("archive"), "512m")) {
            HttpClient client = HttpClient.newHttpClient();
            AtomicLong peakHeap = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        JsonNode health = Json.MAPPER.readTree(client.send(HttpRequest.newBuilder(URI.create(server.url("/api/health"))).header("Authorization", org.hetong.testing.TestAccounts.admin()).build(),
                                HttpResponse.BodyHandlers.ofString()).body());
                        peakHeap.accumulateAndGet(health.get("heap").get("usedBytes").asLong(), Math::max);
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception ignored) {
                        // keep sampling
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();

            org.hetong.web.BrowserAccess.logIn(browser, server.url(""));
            browser.get(server.url("/#/upload"));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(10));
            var input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-input")));
            long started = System.nanoTime();
            input.sendKeys(String.join("\n", paths));
            wait.until(ExpectedConditions.attributeToBe(By.id("upload-progress"), "value", "100"));
            wait.until(ExpectedConditions.textToBe(By.id("count-stored"), String.format(Locale.ROOT, "%,d", FILES)));
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            JsonNode health = Json.MAPPER.readTree(client.send(HttpRequest.newBuilder(URI.create(server.url("/api/health"))).header("Authorization", org.hetong.testing.TestAccounts.admin()).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            System.out.printf(Locale.ROOT, "UPLOAD BENCHMARK: %d files (%.1f MB) from the page in %.1f s = %.1f files/s; "
                            + "server -Xmx512m, peak heap used %.0f MB; documents %d, clauses %d; failed %s%n",
                    FILES, bytes / 1e6, seconds, FILES / seconds, peakHeap.get() / 1e6,
                    health.get("documents").asLong(), health.get("clauses").asLong(),
                    browser.findElement(By.id("count-failed")).getText());
        } finally {
            browser.quit();
        }
    }
}
