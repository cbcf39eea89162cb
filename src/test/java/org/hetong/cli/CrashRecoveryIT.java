package org.hetong.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hetong.archive.Json;
import org.hetong.testing.GeneratedContracts;
import org.hetong.testing.Multipart;
import org.hetong.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability contract: an upload acknowledged with 202 survives a SIGKILL of the server right
 * after the acknowledgement. After a restart every acknowledged file is in the archive exactly
 * once and findable, and the index agrees with the catalog.
 */
class CrashRecoveryIT {
    private static final int FILES = 300;
    private static final int PER_REQUEST = 50;

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedFileIsPresentExactlyOnceAfterAKillAndRestart() throws Exception {
        Path data = tmp.resolve("archive");
        HttpClient client = HttpClient.newHttpClient();
        List<String> jobs = new ArrayList<>();
        List<Integer> acknowledged = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(data, "512m")) {
            for (int start = 0; start < FILES; start += PER_REQUEST) {
                Multipart batch = new Multipart();
                for (int i = start; i < start + PER_REQUEST; i++) {
                    batch.file("批次/" + GeneratedContracts.fileName(i), GeneratedContracts.bytes(i));
                }
                HttpResponse<String> response = batch.post(client, server.url("/api/uploads"));
                assertEquals(202, response.statusCode(), response.body());
                jobs.add(Json.MAPPER.readTree(response.body()).get("jobId").asText());
                for (int i = start; i < start + PER_REQUEST; i++) {
                    acknowledged.add(i);
                }
            }
            JsonNode beforeKill = get(client, server.url("/api/health"));
            // Right after the last acknowledgement: no shutdown hook, no flush, work in flight lost.
            server.kill();
            assertTrue(beforeKill.get("queue").get("pending").asLong() > 0,
                    "the kill interrupts unfinished work (else this test proves nothing): " + beforeKill);
        }

        try (ServerProcess server = ServerProcess.start(data, "512m")) {
            for (String job : jobs) {
                awaitDone(client, server, job);
            }
            JsonNode health = get(client, server.url("/api/health"));
            assertEquals(FILES, health.get("documents").asInt(), "each acknowledged file once: " + health);
            assertEquals(health.get("clauses").asLong(), health.get("indexedClauses").asLong(), "index agrees with catalog");
            List<Integer> notFound = new ArrayList<>();
            for (int i : acknowledged) {
                JsonNode result = get(client, server.url("/api/search?q=" + GeneratedContracts.marker(i)));
                if (result.get("total").asInt() != 1) {
                    notFound.add(i);
                }
            }
            assertEquals(List.of(), notFound, "every acknowledged contract findable exactly once");
            for (String job : jobs) {
                JsonNode progress = get(client, server.url("/api/uploads/" + job));
                assertEquals(PER_REQUEST, progress.get("stored").asInt() + progress.get("duplicate").asInt(), progress.toString());
                assertEquals(0, progress.get("failed").asInt(), progress.toString());
            }
            assertTrue(server.isAlive());
        }
    }

    private static void awaitDone(HttpClient client, ServerProcess server, String job) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        JsonNode progress = null;
        while (System.nanoTime() < deadline) {
            progress = get(client, server.url("/api/uploads/" + job));
            if (progress.get("state").asText().equals("done")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("upload job " + job + " not finished after restart: " + progress + "\n" + server.log());
    }

    private static JsonNode get(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", org.hetong.testing.TestAccounts.admin()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + " → " + response.body());
        return Json.MAPPER.readTree(response.body());
    }
}
