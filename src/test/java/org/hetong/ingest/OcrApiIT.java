package org.hetong.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hetong.archive.Json;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.testing.Multipart;
import org.hetong.testing.TestAccounts;
import org.hetong.web.WebApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scanned page uploaded to a real server: page progress in the job, the OCR mark on the document and in search. */
class OcrApiIT {
    @TempDir
    static Path data;
    private static Services services;
    private static Javalin app;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        ScanFixtures.requireTesseract();
        services = Services.open(data.resolve("archive"), ConfigFiles.fromDirectory(Path.of("index-config")));
        TestAccounts.create(services.users);
        services.queue.start();
        app = WebApp.create(services.web());
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aScannedPageUploadedFromThePageShowsOcrProgressThenIsMarkedAsOcrAndFilteredBySearch() throws Exception {
        byte[] scan = Files.readAllBytes(ScanFixtures.file(ScanFixtures.PNG_COLOR));
        HttpResponse<String> accepted = new Multipart().file("扫描件/盖章页.png", scan).post(client, url("/api/uploads?expect=1"));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String jobId = Json.MAPPER.readTree(accepted.body()).get("jobId").asText();

        Set<String> progress = new LinkedHashSet<>();
        JsonNode job = null;
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            job = get("/api/uploads/" + jobId);
            JsonNode item = job.get("items").get(0);
            if (item.hasNonNull("progress")) {
                progress.add(item.get("progress").asText());
            }
            if (job.get("state").asText().equals("done")) {
                break;
            }
            Thread.sleep(20);
        }
        JsonNode item = job.get("items").get(0);
        assertEquals("stored", item.get("status").asText(), item.toString());
        assertTrue(item.get("progress").isNull(), "no progress once stored: " + item);
        assertTrue(progress.contains("OCR 0/1 页"), "progress seen while processing: " + progress);

        JsonNode doc = get("/api/documents/" + item.get("documentId").asText());
        assertTrue(doc.get("ocr").asBoolean(), doc.toString());
        assertEquals(1, doc.get("ocrPages").asInt());
        assertEquals(0, doc.get("ocrPendingPages").asInt());
        JsonNode eighth = null;
        for (JsonNode clause : doc.get("clauses")) {
            if ("第八条".equals(clause.path("number").asText())) {
                eighth = clause;
            }
        }
        assertTrue(eighth != null && eighth.get("ocr").asBoolean(), doc.get("clauses").toString());

        JsonNode ocrOnly = get("/api/search?q=" + encode("违约金") + "&ocr=true");
        assertEquals(1, ocrOnly.get("total").asInt(), ocrOnly.toString());
        assertTrue(ocrOnly.get("hits").get(0).get("ocr").asBoolean());
        assertEquals("第八条", ocrOnly.get("hits").get(0).get("number").asText());
        assertEquals(0, get("/api/search?q=" + encode("违约金 ocr:false")).get("total").asInt());
        assertEquals(1, get("/api/search?q=" + encode("违约金 扫描件:是")).get("total").asInt());

        HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(url("/api/search?q=" + encode("违约金") + "&ocr=maybe"))).build());
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("OCR 筛选的值「maybe」应为 true 或 false"), bad.body());
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(url("/api/search?q=" + encode("foo:bar 违约金")))).build());
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("ocr:（OCR 识别的扫描件，true/false）"), unknown.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path))).build());
        assertEquals(200, response.statusCode(), path + " → " + response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(TestAccounts.asAdmin(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }
}
