package org.hetong.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hetong.archive.Json;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.index.IndexAnalyzers;
import org.hetong.ingest.Verifier;
import org.hetong.testing.GeneratedContracts;
import org.hetong.testing.Multipart;
import org.hetong.testing.ServerProcess;
import org.hetong.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of a running server (real server processes on loopback): made by the admin route,
 * downloaded, restored into an empty directory by {@code hetong restore} as on a new machine, and
 * served again — with the same search results, originals, accounts and audit log; and a backup
 * taken while a bulk import runs, whose catalog, originals and index agree and whose queued files
 * are finished by the restored server.
 */
class OnlineBackupIT {
    private static final ConfigFiles CONFIG = ConfigFiles.fromDirectory(Path.of("index-config"));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ARCHIVIST = "archivist";
    private static final String ARCHIVIST_PASSWORD = "archivist-password";
    private static final List<String> QUERIES = List.of("保密", "知识产权", "\"不可抗力\"", "违约金 OR 赔偿", "验收 -源代码",
            "源代码 type:知识产权", "合同 kind:contract", GeneratedContracts.marker(1_007));

    @TempDir
    Path tmp;

    @Test
    void aBackupMadeByTheAdminRouteRestoresOnANewMachineWithTheSameSearchesOriginalsAccountsAndAuditLog() throws Exception {
        Path live = tmp.resolve("live");
        Map<String, Found> searchesBefore;
        Map<String, byte[]> originalsBefore;
        Path backup = tmp.resolve("downloaded.zip");
        try (ServerProcess server = ServerProcess.start(live, "512m")) {
            HttpResponse<String> created = send(server, "POST", "/api/users", TestAccounts.admin(),
                    "{\"username\":\"" + ARCHIVIST + "\",\"password\":\"" + ARCHIVIST_PASSWORD + "\",\"role\":\"reader\"}");
            assertEquals(201, created.statusCode(), created.body());
            Multipart files = new Multipart();
            Path samples = Path.of("sample-docs");
            try (Stream<Path> walk = Files.walk(samples)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.file(samples.relativize(f).toString(), Files.readAllBytes(f));
                }
            }
            for (int i = 1_000; i < 1_060; i++) {
                files.file(GeneratedContracts.fileName(i), GeneratedContracts.bytes(i));
            }
            awaitDone(server, jobOf(files.post(CLIENT, server.url("/api/uploads"))));
            searchesBefore = searches(server);
            originalsBefore = originals(server);
            String someId = originalsBefore.keySet().iterator().next();
            assertEquals(200, get(server, "/api/documents/" + someId + "/original", archivist()).statusCode());

            assertEquals(403, send(server, "POST", "/api/admin/backups", archivist(), null).statusCode(), "admins only");
            HttpResponse<String> made = send(server, "POST", "/api/admin/backups", TestAccounts.admin(), null);
            assertEquals(201, made.statusCode(), made.body());
            String name = Json.MAPPER.readTree(made.body()).get("name").asText();
            assertTrue(Backups.isName(name), name);
            JsonNode listed = json(get(server, "/api/admin/backups", TestAccounts.admin()));
            assertEquals(name, listed.get("backups").get(0).get("name").asText(), listed.toString());
            assertEquals(originalsBefore.size(), listed.get("backups").get(0).get("documents").asLong(), listed.toString());

            HttpResponse<byte[]> download = get(server, "/api/admin/backups/" + name, TestAccounts.admin());
            assertEquals(200, download.statusCode());
            assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse(""));
            Files.write(backup, download.body());
            assertEquals(-1, Files.mismatch(backup, live.resolve("backups").resolve(name)), "the download is the backup");
            for (String other : List.of("..%2Fcatalog.db", "hetong.lock", "catalog.db", name + ".part", "..%2F..%2Fpom.xml")) {
                assertEquals(404, get(server, "/api/admin/backups/" + other, TestAccounts.admin()).statusCode(), other);
            }
            JsonNode audit = json(get(server, "/api/audit?action=backup-create", TestAccounts.admin()));
            assertEquals(name, audit.get("entries").get(0).get("target").asText(), audit.toString());
            assertEquals(TestAccounts.ADMIN, audit.get("entries").get(0).get("username").asText());
        }

        Path restored = tmp.resolve("new-machine");
        Process restore = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "org.hetong.cli.Main", "restore",
                "--data", restored.toString(), "--config", "index-config", backup.toString())
                .redirectErrorStream(true).start();
        String output = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(restore.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, restore.exitValue(), output);
        assertTrue(output.contains("索引取自备份"), output);

        try (ServerProcess server = ServerProcess.start(restored, "512m")) {
            assertEquals(searchesBefore, searches(server), "same totals and the same top clauses, in order");
            Map<String, byte[]> originalsAfter = originals(server);
            assertEquals(originalsBefore.keySet(), originalsAfter.keySet());
            for (var e : originalsBefore.entrySet()) {
                assertTrue(java.util.Arrays.equals(e.getValue(), originalsAfter.get(e.getKey())), "byte for byte: " + e.getKey());
            }
            JsonNode downloads = json(get(server, "/api/audit?user=" + ARCHIVIST + "&action=download", TestAccounts.admin()));
            assertEquals(1, downloads.get("total").asLong(), "the audit log comes along: " + downloads);
            assertEquals(200, get(server, "/api/search?q=" + encode("保密"), archivist()).statusCode(), "and the accounts");
            JsonNode restores = json(get(server, "/api/audit?action=backup-restore", TestAccounts.admin()));
            assertEquals(1, restores.get("total").asLong(), restores.toString());
        }
    }

    @Test
    void aBackupTakenWhileABulkImportRunsIsConsistentAndTheRestoredServerFinishesTheImport() throws Exception {
        Path live = tmp.resolve("busy");
        int files = 400;
        List<String> jobs = new ArrayList<>();
        Path backup = tmp.resolve("during-import.zip");
        long pendingBefore;
        try (ServerProcess server = ServerProcess.start(live, "512m")) {
            for (int start = 2_000; start < 2_000 + files; start += 50) {
                Multipart batch = new Multipart();
                for (int i = start; i < start + 50; i++) {
                    batch.file(GeneratedContracts.fileName(i), GeneratedContracts.bytes(i));
                }
                jobs.add(jobOf(batch.post(CLIENT, server.url("/api/uploads"))));
            }
            pendingBefore = json(get(server, "/api/health", TestAccounts.admin())).get("queue").get("pending").asLong();
            HttpResponse<String> made = send(server, "POST", "/api/admin/backups", TestAccounts.admin(), null);
            assertEquals(201, made.statusCode(), made.body());
            String name = Json.MAPPER.readTree(made.body()).get("name").asText();
            Files.copy(live.resolve("backups").resolve(name), backup);
            for (String job : jobs) {
                awaitDone(server, job);
            }
        }
        assertTrue(pendingBefore > 0, "the import was running when the backup started");

        Path restored = tmp.resolve("restored");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Restore.Outcome outcome = new Restore(new IndexAnalyzers(CONFIG)).restore(backup, restored,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        System.out.printf("backup during the import: %d of %d documents in its catalog (%d files queued when it started)%n",
                outcome.documents(), files, pendingBefore);
        assertFalse(outcome.indexRebuilt(), "the archive's index agrees with its catalog: " + outcome.indexNote());
        assertTrue(outcome.documents() < files, "taken in the middle of the import: " + outcome.documents() + " documents");
        try (Services services = Services.open(restored, CONFIG)) {
            assertEquals(List.of(), new Verifier(services.catalog, services.store, services.index).verify());
            assertEquals(services.catalog.countClauses(), services.index.clauseCount());
        }

        try (ServerProcess server = ServerProcess.start(restored, "512m")) {
            for (String job : jobs) {
                awaitDone(server, job);
            }
            JsonNode health = json(get(server, "/api/health", TestAccounts.admin()));
            assertEquals(files, health.get("documents").asInt(), "every file acknowledged before the backup: " + health);
            assertEquals(health.get("clauses").asLong(), health.get("indexedClauses").asLong());
            List<Integer> notFound = new ArrayList<>();
            for (int i = 2_000; i < 2_000 + files; i++) {
                if (json(get(server, "/api/search?q=" + GeneratedContracts.marker(i), TestAccounts.admin())).get("total").asInt() != 1) {
                    notFound.add(i);
                }
            }
            assertEquals(List.of(), notFound, "every contract findable exactly once");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private record Found(long total, List<String> top) {}

    private static Map<String, Found> searches(ServerProcess server) throws Exception {
        Map<String, Found> found = new LinkedHashMap<>();
        for (String q : QUERIES) {
            JsonNode r = json(get(server, "/api/search?size=10&q=" + encode(q), TestAccounts.admin()));
            List<String> ids = new ArrayList<>();
            r.get("hits").forEach(h -> ids.add(h.get("clauseId").asText()));
            found.put(q, new Found(r.get("total").asLong(), ids));
        }
        assertTrue(found.values().stream().allMatch(f -> f.total() > 0), "every query finds something: " + found);
        return found;
    }

    /** Every document's original as the API serves it, by document id. */
    private static Map<String, byte[]> originals(ServerProcess server) throws Exception {
        Map<String, byte[]> map = new TreeMap<>();
        for (JsonNode doc : json(get(server, "/api/documents?size=200", TestAccounts.admin())).get("documents")) {
            String id = doc.get("documentId").asText();
            HttpResponse<byte[]> r = get(server, "/api/documents/" + id + "/original", TestAccounts.admin());
            assertEquals(200, r.statusCode());
            map.put(id, r.body());
        }
        return map;
    }

    private static String jobOf(HttpResponse<String> response) throws IOException {
        assertEquals(202, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body()).get("jobId").asText();
    }

    private static void awaitDone(ServerProcess server, String job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        JsonNode progress = null;
        while (System.nanoTime() < deadline) {
            progress = json(get(server, "/api/uploads/" + job, TestAccounts.admin()));
            if (progress.get("state").asText().equals("done")) {
                assertEquals(0, progress.get("failed").asInt(), progress.toString());
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("upload job " + job + " not done: " + progress + "\n" + server.log());
    }

    private static String archivist() {
        return TestAccounts.basic(ARCHIVIST, ARCHIVIST_PASSWORD);
    }

    private static HttpResponse<byte[]> get(ServerProcess server, String path, String authorization) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> send(ServerProcess server, String method, String path, String authorization, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return Json.MAPPER.readTree(response.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
