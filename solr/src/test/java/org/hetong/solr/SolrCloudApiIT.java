package org.hetong.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.hetong.config.ConfigFiles;
import org.hetong.solr.plugin.Configset;
import org.hetong.testing.Multipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The JSON API of the real hetong server ({@code target/hetong.jar serve}, the demo archive imported
 * at first start) with its index on a real SolrCloud of two nodes. The server runs as a process of
 * its own: Javalin's Jetty 12 and Solr's Jetty 10 never share a JVM, as in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudApiIT {
    private static final Pattern ONLY_MARK_TAGS = Pattern.compile("(?:[^<>]|<mark>|</mark>)*");
    private static final String PASSWORD = "solr-api-test-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MiniSolrCloudCluster cluster;
    private Process server;
    private String base;
    private final List<String> serverOutput = new ArrayList<>();

    @BeforeAll
    void startSolrCloudAndTheServer() throws Exception {
        Path jar = Path.of("target", "hetong.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build it first (mvn -B install -DskipTests at the top level)");
        Path work = Files.createTempDirectory("hetong-solrcloud-api");
        Path configset = Configset.write(ConfigFiles.fromDirectory(Path.of("index-config")), work.resolve("configset"));
        cluster = new MiniSolrCloudCluster.Builder(2, work.resolve("cluster")).addConfig("hetong", configset.resolve("conf")).build();
        String urls = String.join(",", cluster.getJettySolrRunners().stream().map(j -> j.getBaseUrl().toString()).toList());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dhetong.search.backend=solr", "-Dhetong.solr.urls=" + urls, "-Dhetong.solr.collection=hetong_api",
                "-Dhetong.solr.shards=2", "-Dhetong.solr.replicas=2", "-Dhetong.home=" + Path.of("").toAbsolutePath(),
                "-jar", jar.toString(), "serve", "--data", work.resolve("data").toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true);
        builder.environment().put("HETONG_ADMIN_PASSWORD", PASSWORD);
        server = builder.start();
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (serverOutput) {
                        serverOutput.add(line);
                    }
                    if (line.contains("hetong 已启动")) {
                        started.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the server stopped
            }
            started.complete(false);
        }, "hetong-server-output");
        reader.setDaemon(true);
        reader.start();
        boolean up = started.get(240, TimeUnit.SECONDS);
        assertTrue(up, "the server did not start:\n" + String.join("\n", serverOutput));
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        } finally {
            if (cluster != null) {
                cluster.shutdown();
            }
        }
    }

    @Test
    @Order(1)
    void healthCountsEveryCatalogClauseInTheSolrCloudIndex() throws Exception {
        JsonNode health = json(get("/api/health"));
        assertEquals("ok", health.get("status").asText());
        assertTrue(health.get("clauses").asLong() > 100, health.toString());
        assertEquals(health.get("clauses").asLong(), health.get("indexedClauses").asLong(), health.toString());
    }

    @Test
    @Order(2)
    void searchingConfidentialityReturnsConfidentialityClausesWithMarksAndFacets() throws Exception {
        JsonNode result = json(get("/api/search?q=" + encode("保密") + "&size=50"));
        assertTrue(result.get("total").asLong() >= 5, result.toString());
        for (JsonNode hit : result.get("hits")) {
            String highlight = hit.get("highlight").asText();
            assertTrue(ONLY_MARK_TAGS.matcher(highlight).matches(), "only <mark> tags in " + highlight);
        }
        JsonNode first = result.get("hits").get(0);
        assertEquals("保密", first.get("clauseType").asText(), "the best hit is a confidentiality clause: " + first);
        assertTrue(first.get("highlight").asText().contains("<mark>保密</mark>"), first.toString());
        boolean confidentialityFacet = false;
        for (JsonNode value : result.get("facets").get("clauseType")) {
            confidentialityFacet |= value.get("value").asText().equals("保密") && value.get("count").asLong() > 0;
        }
        assertTrue(confidentialityFacet, result.get("facets").toString());
        assertTrue(result.get("facets").get("kind").size() > 0, result.get("facets").toString());
    }

    @Test
    @Order(3)
    void aHitCarriesItsNumberHeadingAndPlainTextAndFiltersHold() throws Exception {
        JsonNode result = json(get("/api/search?q=" + encode("知识产权") + "&kind=contract"));
        JsonNode hit = null;
        for (JsonNode h : result.get("hits")) {
            assertEquals("contract", h.get("kind").asText(), "kind filter holds");
            if (hit == null && h.get("documentTitle").asText().endsWith("软件开发合同")) {
                hit = h;
            }
        }
        assertNotNull(hit, result.toString());
        assertEquals("第十三条", hit.get("number").asText());
        assertEquals("知识产权", hit.get("heading").asText());
        assertTrue(hit.get("text").asText().startsWith("第十三条"), hit.toString());
        assertFalse(hit.get("text").asText().contains("<mark>"));
    }

    @Test
    @Order(4)
    void aMalformedQueryGetsAHelpfulMessageNotAServerError() throws Exception {
        HttpResponse<byte[]> response = get("/api/search?q=" + encode("\"不可抗力"));
        assertEquals(400, response.statusCode());
        assertEquals("query_syntax", json(response).get("code").asText());
        assertTrue(json(response).get("error").asText().contains("引号"), json(response).toString());
    }

    @Test
    @Order(5)
    void precedentsComeFromOtherContracts() throws Exception {
        JsonNode hit = json(get("/api/search?q=" + encode("type:保密 保密"))).get("hits").get(0);
        JsonNode similar = json(get("/api/clauses/" + hit.get("clauseId").asText() + "/similar?size=5"));
        assertTrue(similar.get("similar").size() > 0, similar.toString());
        for (JsonNode s : similar.get("similar")) {
            JsonNode clause = s.has("clause") ? s.get("clause") : s;
            assertNotEquals(hit.get("documentId").asText(), clause.get("documentId").asText());
        }
        assertEquals(404, get("/api/clauses/0000000000000000-1/similar").statusCode());
    }

    @Test
    @Order(6)
    void anUploadedContractIsSearchableThroughSolrCloud() throws Exception {
        String text = "软件维护补充条款\n\n第一条 鲲鹏星辰维护\n乙方应提供鲲鹏星辰系统的七乘二十四小时维护服务。\n\n第二条 保密\n双方对鲲鹏星辰系统资料负有保密义务。\n";
        HttpResponse<String> posted = new Multipart().file("鲲鹏星辰.txt", text.getBytes(StandardCharsets.UTF_8))
                .post(http, base + "/api/uploads", authorization());
        assertEquals(202, posted.statusCode(), posted.body());
        String job = JSON.readTree(posted.body()).get("jobId").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode state;
        do {
            Thread.sleep(200);
            state = json(get("/api/uploads/" + job));
        } while (!state.get("state").asText().equals("done") && System.nanoTime() < deadline);
        assertEquals("done", state.get("state").asText(), state.toString());
        assertEquals(1, state.get("done").asInt(), state.toString());
        JsonNode found = json(get("/api/search?q=" + encode("鲲鹏星辰")));
        assertTrue(found.get("total").asLong() >= 2, found.toString());
        assertTrue(found.get("hits").get(0).get("highlight").asText().contains("<mark>"), found.toString());
    }

    @Test
    @Order(7)
    void aBackupOfASolrCloudServerCarriesAnIndexBuiltFromItsCatalog() throws Exception {
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/backups"))
                .header("Authorization", authorization()).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, made.statusCode() / 100 * 100, made.body());
        JsonNode backup = JSON.readTree(made.body());
        String name = backup.get("name").asText();
        HttpResponse<byte[]> zip = get("/api/admin/backups/" + name);
        assertEquals(200, zip.statusCode());
        List<String> entries = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertTrue(entries.contains("catalog.db") && entries.contains("manifest.json"), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("index/segments_")), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("originals/")), entries.toString());
    }

    @Test
    @Order(8)
    void searchesAnswerFromReplicasWithOneSolrNodeStopped() throws Exception {
        long before = json(get("/api/search?q=" + encode("违约责任") + "&size=5&page=2")).get("total").asLong();
        JettySolrRunner stopped = cluster.stopJettySolrRunner(1);
        cluster.waitForJettyToStop(stopped);
        for (String q : List.of("违约责任", "验收 标准", "争议解决")) {
            HttpResponse<byte[]> response = get("/api/search?q=" + encode(q) + "&size=7");
            assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            assertTrue(json(response).get("total").asLong() > 0, q);
        }
        assertEquals(before, json(get("/api/search?q=" + encode("违约责任") + "&size=3&page=3")).get("total").asLong());
        JsonNode health = json(get("/api/health"));
        assertEquals(health.get("clauses").asLong(), health.get("indexedClauses").asLong(), health.toString());
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization())
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
