package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hetong.archive.Json;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.ingest.Fixtures;
import org.hetong.ingest.IngestLimits;
import org.hetong.testing.GeneratedContracts;
import org.hetong.testing.Multipart;
import org.hetong.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload API of a real server with its worker pool, on an empty archive with small limits. */
class UploadApiIT {
    private static final long MAX_FILE = 1 << 20;
    private static final long MAX_REQUEST = 6 << 20;
    private static final int MAX_FILES = 20;

    @TempDir
    static Path data;
    private static Services services;
    private static Javalin app;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        IngestLimits limits = new IngestLimits(MAX_FILE, 1_000_000, 30, 50L << 20, 100, 2, MAX_REQUEST, MAX_FILES, 60);
        services = Services.open(data.resolve("archive"), ConfigFiles.fromDirectory(Path.of("index-config")), limits);
        TestAccounts.create(services.users);
        services.queue.start();
        app = WebApp.create(services.web());
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        services.close();
    }

    @Test
    void aMixedBatchGivesEachFileItsOwnStatus() throws Exception {
        Multipart batch = new Multipart()
                .file("合同/" + GeneratedContracts.fileName(1), GeneratedContracts.bytes(1))
                .file("损坏的合同.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> broken".getBytes(StandardCharsets.US_ASCII))
                .file("空文件.txt", new byte[0])
                .file("加密.pdf", Fixtures.encryptedPdf("secret"))
                .file("压缩包.zip", Fixtures.zip(Fixtures.entries("a/" + GeneratedContracts.fileName(2), GeneratedContracts.bytes(2),
                        "b.txt", GeneratedContracts.bytes(3))));
        JsonNode accepted = accept(batch, "/api/uploads?expect=5");
        assertEquals(5, accepted.get("accepted").asInt());
        JsonNode job = awaitDone(accepted.get("jobId").asText());
        Map<String, JsonNode> items = byName(job);
        assertEquals("stored", items.get("合同/" + GeneratedContracts.fileName(1)).get("status").asText());
        assertFailed(items.get("损坏的合同.pdf"), "corrupt", "损坏");
        assertFailed(items.get("空文件.txt"), "empty", "为空");
        assertFailed(items.get("加密.pdf"), "encrypted", "密码");
        assertEquals("stored", items.get("压缩包.zip").get("status").asText());
        assertEquals("stored", items.get("压缩包.zip!/a/" + GeneratedContracts.fileName(2)).get("status").asText());
        assertEquals("stored", items.get("压缩包.zip!/b.txt").get("status").asText());
        assertEquals(7, job.get("total").asInt());
        assertEquals(3, job.get("failed").asInt());
        assertEquals(4, job.get("done").asInt());
        JsonNode hits = get("/api/search?q=" + Http.encode(GeneratedContracts.marker(2)));
        assertEquals(1, hits.get("total").asInt(), "an archive entry is searchable: " + hits);
    }

    @Test
    void uploadingTheSameFilesAgainReportsDuplicatesAndStoresNothingTwice() throws Exception {
        Multipart first = new Multipart().file("x.txt", GeneratedContracts.bytes(10)).file("y.txt", GeneratedContracts.bytes(11));
        awaitDone(accept(first, "/api/uploads").get("jobId").asText());
        long originals = countOriginals();
        Multipart again = new Multipart().file("x-again.txt", GeneratedContracts.bytes(10)).file("y.txt", GeneratedContracts.bytes(11))
                .file("x-twice.txt", GeneratedContracts.bytes(10));
        JsonNode job = awaitDone(accept(again, "/api/uploads").get("jobId").asText());
        for (JsonNode item : job.get("items")) {
            assertEquals("duplicate", item.get("status").asText(), item.toString());
            assertNotNull(item.get("documentId").textValue());
        }
        assertEquals(originals, countOriginals(), "no original stored twice");
    }

    @Test
    void theSameBytesTwiceInOneUploadAreStoredOnceAndReportedOnceAsDuplicate() throws Exception {
        Multipart batch = new Multipart().file("one.txt", GeneratedContracts.bytes(20)).file("two.txt", GeneratedContracts.bytes(20));
        JsonNode job = awaitDone(accept(batch, "/api/uploads").get("jobId").asText());
        Map<String, JsonNode> items = byName(job);
        assertEquals("stored", items.get("one.txt").get("status").asText());
        assertEquals("duplicate", items.get("two.txt").get("status").asText());
        assertEquals(items.get("one.txt").get("documentId").asText(), items.get("two.txt").get("documentId").asText());
    }

    @Test
    void aFileOverTheSizeLimitFailsAloneAndTheFilesAfterItArrive() throws Exception {
        byte[] big = new byte[(int) MAX_FILE + 1000];
        java.util.Arrays.fill(big, (byte) 'a');
        Multipart batch = new Multipart().file("大文件.txt", big).file("after.txt", GeneratedContracts.bytes(30));
        JsonNode accepted = accept(batch, "/api/uploads");
        JsonNode job = awaitDone(accepted.get("jobId").asText());
        Map<String, JsonNode> items = byName(job);
        assertFailed(items.get("大文件.txt"), "too_large", "大小上限");
        assertEquals("stored", items.get("after.txt").get("status").asText());
    }

    @Test
    void filesBeyondThePerRequestLimitAreRefusedWithAReason() throws Exception {
        Multipart batch = new Multipart();
        for (int i = 0; i < MAX_FILES + 3; i++) {
            batch.file("many-" + i + ".txt", GeneratedContracts.bytes(100 + i));
        }
        JsonNode job = awaitDone(accept(batch, "/api/uploads").get("jobId").asText());
        long refused = 0;
        for (JsonNode item : job.get("items")) {
            if (item.get("status").asText().equals("failed")) {
                refused++;
                assertTrue(item.get("error").asText().contains("单次上传的文件数超过上限"), item.toString());
            }
        }
        assertEquals(3, refused);
    }

    @Test
    void aRequestOverTheSizeLimitIsRefusedWith413AndAMessage() throws Exception {
        Multipart batch = new Multipart();
        for (int i = 0; i < 8; i++) {
            byte[] chunk = new byte[(int) MAX_FILE - 10];
            java.util.Arrays.fill(chunk, (byte) ('a' + i));
            batch.file("chunk-" + i + ".txt", chunk);
        }
        HttpResponse<String> response = batch.post(client, url("/api/uploads"));
        assertEquals(413, response.statusCode());
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals("request_too_large", body.get("code").asText());
        assertTrue(body.get("error").asText().contains("分批"), body.toString());
    }

    @Test
    void anArchiveWithTooManyEntriesFailsWithTheLimitNamed() throws Exception {
        Object[] entries = new Object[80];
        for (int i = 0; i < 40; i++) {
            entries[2 * i] = "e" + i + ".txt";
            entries[2 * i + 1] = ("条目 " + i).getBytes(StandardCharsets.UTF_8);
        }
        Multipart batch = new Multipart().file("太多条目.zip", Fixtures.zip(Fixtures.entries(entries)));
        JsonNode job = awaitDone(accept(batch, "/api/uploads").get("jobId").asText());
        assertFailed(byName(job).get("太多条目.zip"), "archive_limit", "30");
    }

    @Test
    void progressCanBeReadIncrementally() throws Exception {
        JsonNode accepted = accept(new Multipart().file("inc.txt", GeneratedContracts.bytes(40)), "/api/uploads");
        JsonNode done = awaitDone(accepted.get("jobId").asText());
        long version = done.get("version").asLong();
        JsonNode nothingNew = get("/api/uploads/" + accepted.get("jobId").asText() + "?since=" + version);
        assertEquals(0, nothingNew.get("items").size());
        assertEquals("done", nothingNew.get("state").asText());
    }

    @Test
    void aJobAnnouncingMoreFilesStaysRunningUntilTheyArriveInLaterRequests() throws Exception {
        JsonNode first = accept(new Multipart().file("part-1.txt", GeneratedContracts.bytes(50)), "/api/uploads?expect=2");
        String jobId = first.get("jobId").asText();
        awaitProcessed(jobId, 1);
        assertEquals("running", get("/api/uploads/" + jobId).get("state").asText(), "one of two files still to come");
        accept(new Multipart().file("part-2.txt", GeneratedContracts.bytes(51)), "/api/uploads/" + jobId);
        JsonNode job = awaitDone(jobId);
        assertEquals(2, job.get("received").asInt());
        assertEquals(2, job.get("stored").asInt());
    }

    @Test
    void aFailedDocumentCanBeRetriedAndADeletedOneRestored() throws Exception {
        JsonNode job = awaitDone(accept(new Multipart().file("坏.docx", "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1))
                .file("好.txt", GeneratedContracts.bytes(60)), "/api/uploads").get("jobId").asText());
        Map<String, JsonNode> items = byName(job);
        String failedId = items.get("坏.docx").get("documentId").asText();
        JsonNode quarantine = get("/api/documents?status=failed&size=100");
        assertTrue(quarantine.toString().contains(failedId), "the failed file is in quarantine");

        HttpResponse<String> retry = send(HttpRequest.newBuilder(URI.create(url("/api/documents/" + failedId + "/retry")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(202, retry.statusCode(), retry.body());
        JsonNode retried = awaitDone(Json.MAPPER.readTree(retry.body()).get("jobId").asText());
        assertEquals("failed", retried.get("items").get(0).get("status").asText(), "the same bytes fail again, with a reason");

        String goodId = items.get("好.txt").get("documentId").asText();
        String marker = GeneratedContracts.marker(60);
        assertEquals(1, get("/api/search?q=" + marker).get("total").asInt());
        HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(url("/api/documents/" + goodId))).DELETE().build());
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(0, get("/api/search?q=" + marker).get("total").asInt(), "a deleted document leaves search");
        assertTrue(get("/api/documents?deleted=true").toString().contains(goodId), "it is in the trash");
        assertFalse(get("/api/documents?size=500").toString().contains(goodId), "and not in the archive list");
        HttpResponse<String> restored = send(HttpRequest.newBuilder(URI.create(url("/api/documents/" + goodId + "/restore")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals(1, get("/api/search?q=" + marker).get("total").asInt(), "restored into search");
    }

    @Test
    void aRequestThatIsNotMultipartGetsAClearError() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/uploads")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(400, response.statusCode());
        assertTrue(Json.MAPPER.readTree(response.body()).get("error").asText().contains("multipart/form-data"));
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(url("/api/uploads/nosuchjob"))).build()).statusCode());
    }

    // ---- helpers ----

    private static void assertFailed(JsonNode item, String code, String messagePart) {
        assertNotNull(item);
        assertEquals("failed", item.get("status").asText(), item.toString());
        assertEquals(code, item.get("errorCode").asText(), item.toString());
        assertTrue(item.get("error").asText().contains(messagePart), item.toString());
    }

    private static JsonNode accept(Multipart batch, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = batch.post(client, url(path));
        assertEquals(202, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static JsonNode awaitDone(String jobId) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode job = get("/api/uploads/" + jobId);
            if (job.get("state").asText().equals("done")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " not done in 60 s: " + get("/api/uploads/" + jobId));
    }

    private static void awaitProcessed(String jobId, int count) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode job = get("/api/uploads/" + jobId);
            if (job.get("done").asInt() + job.get("failed").asInt() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not process " + count + " items");
    }

    private static Map<String, JsonNode> byName(JsonNode job) {
        Map<String, JsonNode> items = new HashMap<>();
        job.get("items").forEach(i -> items.put(i.get("name").asText(), i));
        return items;
    }

    private static long countOriginals() throws IOException {
        try (Stream<Path> walk = Files.walk(services.dataDirectory.originals())) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path))).build());
        assertEquals(200, response.statusCode(), path + " → " + response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(TestAccounts.asAdmin(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    static List<String> names(JsonNode job) {
        List<String> names = new ArrayList<>();
        job.get("items").forEach(i -> names.add(i.get("name").asText()));
        return names;
    }
}
