package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.hetong.archive.Json;
import org.hetong.ingest.DisplayNames;
import org.hetong.testing.HostileFiles;
import org.hetong.testing.HostileFiles.Expect;
import org.hetong.testing.HostileFiles.HostileFile;
import org.hetong.testing.Multipart;
import org.hetong.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of hostile files (see {@link HostileFiles}) uploaded to a real server in its own JVM
 * with a 512 MB heap and tight limits: each gets a clear per-file status or becomes a correct
 * document, nothing is written outside the data directory, no server file and no network address
 * is ever read into a document, and the server stays up and keeps answering searches.
 */
class HostileUploadIT {
    private static final long MAX_FILE_BYTES = 20L << 20;
    private static final int MAX_ENTRIES = 500;
    private static final int MAX_DEPTH = 3;
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final Set<String> BIDI_CONTROLS = Set.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
            "\u2068", "\u2069");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static Path base;
    private static Path data;
    private static String marker;
    private static String secret;
    private static Canary canary;
    private static ServerProcess server;
    private static HostileFiles.Settings settings;
    private static List<HostileFile> hostile;
    /** The top-level item of each hostile file, in the order of {@link #hostile}. */
    private static final List<JsonNode> tops = new ArrayList<>();
    /** Every item of every job by job id and seq. */
    private static final Map<String, Map<Integer, JsonNode>> itemsByJob = new LinkedHashMap<>();
    /** The last progress report of each job. */
    private static final Map<String, JsonNode> progressByJob = new LinkedHashMap<>();
    /** The job of each hostile file, in the order of {@link #hostile}. */
    private static final List<String> jobOf = new ArrayList<>();
    private static final Map<String, String> texts = new HashMap<>();
    private static long peakHeap;
    private static long uploadMillis;
    private static long processMillis;

    @BeforeAll
    static void uploadEveryHostileFile() throws Exception {
        marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        base = Files.createTempDirectory("hetong-hostile-");
        data = base.resolve("data");
        Path secretFile = Files.createDirectories(base.resolve("secret")).resolve("secret.txt");
        secret = "HETONG-SECRET-" + marker + "-never-in-a-document";
        Files.writeString(secretFile, secret + "\n");
        canary = new Canary();
        settings = new HostileFiles.Settings(MAX_FILE_BYTES, MAX_ENTRIES, MAX_DEPTH, marker, secretFile, canary.url());
        hostile = HostileFiles.generate(settings);

        server = ServerProcess.start(data, "512m",
                "-Dhetong.limit.maxFileBytes=" + MAX_FILE_BYTES,
                "-Dhetong.limit.maxRequestBytes=" + (64L << 20),
                "-Dhetong.limit.maxEntries=" + MAX_ENTRIES,
                "-Dhetong.limit.maxExpandedBytes=" + (200L << 20),
                "-Dhetong.limit.maxRatio=100",
                "-Dhetong.limit.maxDepth=" + MAX_DEPTH,
                "-Dhetong.limit.maxTextChars=" + HostileFiles.TEXT_BOUND,
                "-Dhetong.limit.parseTimeoutSeconds=30");

        long start = System.nanoTime();
        // Two jobs, each sent in several requests of at most 40 files and 12 MB (the oversized file alone).
        List<List<Integer>> requests = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < hostile.size(); i++) {
            int size = hostile.get(i).bytes().length;
            if (!current.isEmpty() && (current.size() >= 40 || bytes + size > (12L << 20))) {
                requests.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(i);
            bytes += size;
        }
        requests.add(current);
        int half = requests.size() / 2;
        List<String> jobs = new ArrayList<>();
        for (List<List<Integer>> jobRequests : List.of(requests.subList(0, half), requests.subList(half, requests.size()))) {
            int expected = jobRequests.stream().mapToInt(List::size).sum();
            String jobId = null;
            for (List<Integer> request : jobRequests) {
                Multipart body = new Multipart();
                request.forEach(i -> body.file(hostile.get(i).name(), hostile.get(i).bytes()));
                String url = jobId == null ? server.url("/api/uploads?expect=" + expected) : server.url("/api/uploads/" + jobId);
                HttpResponse<String> response = body.post(CLIENT, url);
                assertEquals(202, response.statusCode(), request.size() + " files, " + request.stream()
                        .mapToLong(i -> hostile.get(i).bytes().length).sum() + " bytes (" + request.stream().map(i -> hostile.get(i).name())
                        .toList() + "): " + response.body());
                JsonNode accepted = Json.MAPPER.readTree(response.body());
                assertEquals(request.size(), accepted.get("accepted").asInt(), response.body());
                jobId = accepted.get("jobId").asText();
                for (int ignored : request) {
                    jobOf.add(jobId);
                }
            }
            jobs.add(jobId);
        }
        uploadMillis = (System.nanoTime() - start) / 1_000_000;

        long deadline = System.nanoTime() + WAIT.toNanos();
        for (String job : jobs) {
            while (true) {
                sampleHeap();
                JsonNode progress = Http.json(Http.get(server.url("/api/uploads/" + job)));
                if ("done".equals(progress.get("state").asText())) {
                    Map<Integer, JsonNode> items = new TreeMap<>();
                    progress.get("items").forEach(item -> items.put(item.get("seq").asInt(), item));
                    itemsByJob.put(job, items);
                    progressByJob.put(job, progress);
                    break;
                }
                assertTrue(server.isAlive(), "the server died while processing:\n" + tail(server.log()));
                assertTrue(System.nanoTime() < deadline, "not done within " + WAIT + ": " + summary(progress));
                Thread.sleep(300);
            }
        }
        processMillis = (System.nanoTime() - start) / 1_000_000 - uploadMillis;
        sampleHeap();

        Map<String, List<JsonNode>> topsByJob = new HashMap<>();
        itemsByJob.forEach((job, items) -> topsByJob.put(job, new ArrayList<>(items.values().stream()
                .filter(item -> item.get("parentSeq").isNull()).toList())));
        Map<String, Integer> nextTop = new HashMap<>();
        for (int i = 0; i < hostile.size(); i++) {
            List<JsonNode> jobTops = topsByJob.get(jobOf.get(i));
            int k = nextTop.merge(jobOf.get(i), 1, Integer::sum) - 1;
            tops.add(k < jobTops.size() ? jobTops.get(k) : null);
        }
        for (Map<Integer, JsonNode> items : itemsByJob.values()) {
            for (JsonNode item : items.values()) {
                if ("stored".equals(item.get("status").asText()) && !item.get("documentId").isNull()) {
                    String id = item.get("documentId").asText();
                    if (!texts.containsKey(id)) {
                        HttpResponse<byte[]> text = Http.get(server.url("/api/documents/" + id + "/text"));
                        texts.put(id, text.statusCode() == 200 ? Http.text(text) : null);
                    }
                }
            }
        }
        sampleHeap();
        System.out.printf("hostile upload: %d files (%d kinds), %.1f MB, upload %d ms, processing %d ms, %d items, peak heap %.0f MB%n",
                hostile.size(), kinds().size(), hostile.stream().mapToLong(f -> f.bytes().length).sum() / 1048576.0, uploadMillis,
                processMillis, itemsByJob.values().stream().mapToInt(Map::size).sum(), peakHeap / 1048576.0);
        System.out.println(outcomeTable());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (canary != null) {
            canary.close();
        }
        if (base != null) {
            deleteTree(base);
            deleteTree(base.resolveSibling(base.getFileName() + "-no-samples"));
        }
    }

    // ---- the set ------------------------------------------------------------------------------------

    @Test
    void atLeastTwoHundredHostileFilesOfEveryKindWereUploaded() {
        assertTrue(hostile.size() >= 200, "hostile files: " + hostile.size());
        for (String kind : List.of("corrupt-pdf", "corrupt-docx", "corrupt-zip", "encrypted-pdf", "encrypted-docx", "zip-bomb",
                "deep-nesting", "many-entries", "zip-slip", "empty", "too-large", "wrong-extension", "odd-encoding", "malformed-mail",
                "xml-bomb", "xxe", "random-binary", "rar", "image", "odd-name")) {
            assertTrue(kinds().containsKey(kind), "kind " + kind + " is in the set: " + kinds());
        }
        assertTrue(hostile.stream().mapToLong(f -> f.bytes().length).sum() <= HostileFiles.MAX_TOTAL_BYTES);
    }

    @Test
    void everyUploadedFileHasExactlyOneTopLevelItemWithAFinalStatus() {
        long topLevelItems = itemsByJob.values().stream().flatMap(m -> m.values().stream())
                .filter(item -> item.get("parentSeq").isNull()).count();
        assertEquals(hostile.size(), topLevelItems, "one top-level item per uploaded file");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            JsonNode top = tops.get(i);
            if (top == null) {
                problems.add(hostile.get(i) + ": no item");
                continue;
            }
            String expectedName = DisplayNames.clean(hostile.get(i).name());
            if (!expectedName.equals(top.get("name").asText())) {
                problems.add(hostile.get(i) + ": item is named '" + top.get("name").asText() + "', expected '" + expectedName + "'");
            }
            if (!Set.of("stored", "duplicate", "failed").contains(top.get("status").asText())) {
                problems.add(hostile.get(i) + ": status " + top.get("status").asText());
            }
        }
        allItems().stream().filter(item -> !Set.of("stored", "duplicate", "failed").contains(item.get("status").asText()))
                .forEach(item -> problems.add("item " + item.get("name").asText() + " ended " + item.get("status").asText()));
        progressByJob.forEach((job, progress) -> {
            Map<Integer, JsonNode> items = itemsByJob.get(job);
            long stored = items.values().stream().filter(i -> "stored".equals(i.get("status").asText())).count();
            long duplicate = items.values().stream().filter(i -> "duplicate".equals(i.get("status").asText())).count();
            long failed = items.values().stream().filter(i -> "failed".equals(i.get("status").asText())).count();
            if (progress.get("total").asLong() != items.size() || progress.get("done").asLong() != stored + duplicate
                    || progress.get("failed").asLong() != failed || progress.get("queued").asLong() + progress.get("processing").asLong() != 0) {
                problems.add("job " + job + " counts disagree with its items: " + summary(progress));
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void noFileInsideOrOutsideAContainerFailsWithAnInternalError() {
        List<String> internal = allItems().stream().filter(item -> "internal".equals(item.get("errorCode").asText(null)))
                .map(item -> item.get("name").asText() + ": " + item.get("error").asText()).toList();
        assertEquals(List.of(), internal);
    }

    @Test
    void everyFailureExplainsInChineseWhatIsWrongAndWhatToDo() {
        List<String> problems = new ArrayList<>();
        for (JsonNode item : allItems()) {
            if (!"failed".equals(item.get("status").asText())) {
                continue;
            }
            String code = item.get("errorCode").asText(null);
            String error = item.get("error").asText("");
            if (code == null || code.isBlank()) {
                problems.add(item.get("name").asText() + ": failed without a code");
            }
            if (error.isBlank() || !error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                problems.add(item.get("name").asText() + ": message '" + error + "'");
            }
            if (error.contains("（0 字节）") && !"empty".equals(code)) {
                problems.add(item.get("name").asText() + ": says 0 bytes although it is " + code + ": " + error);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void eachHostileFileGetsTheOutcomeExpectedForItsKind() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            HostileFile file = hostile.get(i);
            JsonNode top = tops.get(i);
            if (top != null) {
                check(file.toString(), top, file.expect(), problems);
                if (file.expect().noChildren() && !descendants(jobOf.get(i), top).isEmpty()) {
                    problems.add(file + ": files inside were imported although the archive was refused: "
                            + descendants(jobOf.get(i), top).stream().map(d -> d.get("name").asText()).toList());
                }
            }
        }
        assertEquals(List.of(), problems, "\n" + outcomeTable());
    }

    @Test
    void filesInsideArchivesAndMailsGetTheOutcomeExpectedForThem() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            HostileFile file = hostile.get(i);
            JsonNode top = tops.get(i);
            if (top == null || file.children().isEmpty()) {
                continue;
            }
            Map<String, JsonNode> byName = new HashMap<>();
            descendants(jobOf.get(i), top).forEach(d -> byName.put(d.get("name").asText(), d));
            for (HostileFiles.Child child : file.children()) {
                String name = DisplayNames.clean(top.get("name").asText() + "!/" + child.path());
                JsonNode item = byName.get(name);
                if (item == null) {
                    problems.add(file + ": no item '" + name + "' among " + byName.keySet());
                } else {
                    check(name, item, child.expect(), problems);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void encryptedFilesSayThatTheyNeedThePassword() {
        List<JsonNode> encrypted = allItems().stream().filter(item -> "encrypted".equals(item.get("errorCode").asText(null))).toList();
        assertTrue(encrypted.size() >= 12, "encrypted PDFs, DOCX and attachments: " + encrypted.size());
        for (JsonNode item : encrypted) {
            String error = item.get("error").asText();
            assertTrue(error.contains("加密") && error.contains("需要密码"), item.get("name").asText() + ": " + error);
        }
    }

    @Test
    void zeroByteFilesAreEmptyOrDuplicatesOfTheEmptyDocument() throws Exception {
        for (int i = 0; i < hostile.size(); i++) {
            if (hostile.get(i).bytes().length != 0) {
                continue;
            }
            JsonNode top = tops.get(i);
            if ("duplicate".equals(top.get("status").asText())) {
                // The same (zero) bytes as an earlier file: reported as a duplicate of that document, which failed as empty.
                JsonNode doc = Http.json(Http.get(server.url("/api/documents/" + top.get("documentId").asText())));
                assertEquals("empty", doc.get("errorCode").asText(), doc.toString());
                assertEquals("failed", doc.get("status").asText(), doc.toString());
            } else {
                assertEquals("empty", top.get("errorCode").asText(), top.toString());
                assertTrue(top.get("error").asText().contains("文件为空"), top.toString());
            }
        }
    }

    // ---- no server file, no network, nothing outside the data directory -----------------------------

    @Test
    void noExtractedTextContainsAServerFile() throws IOException {
        List<String> forbidden = new ArrayList<>(List.of("root:x:0:0", "/bin/bash", "/usr/sbin/nologin", secret));
        String hostname = Files.exists(Path.of("/etc/hostname")) ? Files.readString(Path.of("/etc/hostname")).strip() : "";
        if (hostname.length() >= 6) {
            forbidden.add(hostname); // too short a name would match ordinary text
        }
        assertTrue(texts.size() >= 100, "stored documents with text: " + texts.size());
        List<String> leaks = new ArrayList<>();
        texts.forEach((id, text) -> {
            for (String f : forbidden) {
                if (text != null && text.contains(f)) {
                    leaks.add(id + " contains '" + f + "'");
                }
            }
        });
        assertEquals(List.of(), leaks);
    }

    @Test
    void xmlExternalEntitiesAreNeverResolvedInTheStoredText() throws Exception {
        int checked = 0;
        for (int i = 0; i < hostile.size(); i++) {
            if (!hostile.get(i).kind().equals("xxe") || !"stored".equals(tops.get(i).get("status").asText())) {
                continue;
            }
            HttpResponse<byte[]> response = Http.get(server.url("/api/documents/" + tops.get(i).get("documentId").asText() + "/text"));
            assertEquals(200, response.statusCode());
            String text = Http.text(response);
            assertFalse(text.contains("root:x:0:0") || text.contains("nologin") || text.contains(secret), hostile.get(i) + ": " + text);
            checked++;
        }
        assertTrue(checked >= 8, "stored XXE documents checked: " + checked);
    }

    @Test
    void noParserFetchesAnAddressNamedInADocument() {
        assertEquals(List.of(), canary.requests(), "requests the server made to the canary address");
    }

    @Test
    void zipSlipNamesWriteNothingOutsideTheDataDirectory() throws IOException {
        List<Path> found = new ArrayList<>();
        // The data directory's parent, all of it (the data directory names files by digest, never by a given name).
        try (Stream<Path> all = Files.walk(base)) {
            all.filter(p -> p.getFileName().toString().contains(marker)).forEach(found::add);
        }
        // Where relative and absolute traversals would land: /tmp, the root, the server's working directory and its parents.
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir : List.of(Path.of("/tmp"), Path.of("/"), cwd, cwd.getParent() == null ? cwd : cwd.getParent())) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName() != null && p.getFileName().toString().contains(marker)).forEach(found::add);
            }
        }
        assertEquals(List.of(), found);
        // The traversing names are labels of stored documents.
        List<JsonNode> slipped = allItems().stream().filter(item -> item.get("name").asText().contains("hetong-evil-" + marker)).toList();
        assertTrue(slipped.size() >= 12, "zip-slip entries as items: " + slipped.size());
        for (JsonNode item : slipped) {
            assertEquals("stored", item.get("status").asText(), item.toString());
        }
    }

    @Test
    void oddFileNamesAreKeptAsHarmlessLabels() throws Exception {
        int checked = 0;
        for (int i = 0; i < hostile.size(); i++) {
            if (!hostile.get(i).kind().equals("odd-name")) {
                continue;
            }
            JsonNode top = tops.get(i);
            String label = top.get("name").asText();
            assertEquals("stored", top.get("status").asText(), hostile.get(i) + ": " + top);
            assertHarmless(label);
            JsonNode doc = Http.json(Http.get(server.url("/api/documents/" + top.get("documentId").asText())));
            assertEquals(DisplayNames.baseName(label), doc.get("fileName").asText());
            assertHarmless(doc.get("fileName").asText());
            HttpResponse<byte[]> original = Http.get(server.url("/api/documents/" + top.get("documentId").asText() + "/original"));
            assertEquals(200, original.statusCode());
            assertTrue(java.util.Arrays.equals(hostile.get(i).bytes(), original.body()), "the original comes back byte for byte");
            String disposition = original.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.matches("attachment; filename=\"[A-Za-z0-9._-]*\"; filename\\*=UTF-8''[A-Za-z0-9._%*~-]*"), disposition);
            checked++;
        }
        assertTrue(checked >= 20, "odd names checked: " + checked);
    }

    @Test
    void everyItemNameInsideOrOutsideAContainerIsAHarmlessLabel() {
        List<String> harmful = new ArrayList<>();
        for (JsonNode item : allItems()) {
            String name = item.get("name").asText();
            if (name.isBlank() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7F) || BIDI_CONTROLS.stream().anyMatch(name::contains)) {
                harmful.add(escape(name));
            }
        }
        assertEquals(List.of(), harmful);
    }

    private static void assertHarmless(String label) {
        assertFalse(label.isBlank(), "a label is never blank");
        assertTrue(label.length() <= 300 + 200, "bounded: " + label.length());
        assertTrue(label.chars().noneMatch(c -> c < 0x20 || c == 0x7F), "no control characters in " + escape(label));
        assertTrue(BIDI_CONTROLS.stream().noneMatch(label::contains), "no bidi overrides in " + escape(label));
    }

    @Test
    void aFileNameWithANulCharacterDoesNotCostTheOtherFilesOfItsRequest() throws Exception {
        Multipart body = new Multipart()
                .file("NUL前的合同.txt", utf8("NUL 请求 A " + marker + " 著作权归甲方所有"))
                .file("名字里有\u0000空字符.txt", utf8("NUL 请求 B " + marker + " 著作权归甲方所有"))
                .file("NUL后的合同.txt", utf8("NUL 请求 C " + marker + " 著作权归甲方所有"));
        HttpResponse<String> response = body.post(CLIENT, server.url("/api/uploads?expect=3"));
        assertEquals(202, response.statusCode(), "the request with a NUL in one file name is accepted: " + response.body());
        JsonNode accepted = Json.MAPPER.readTree(response.body());
        assertEquals(3, accepted.get("accepted").asInt(), response.body());
        JsonNode done = awaitDone(accepted.get("jobId").asText());
        List<String> outcomes = new ArrayList<>();
        for (JsonNode item : done.get("items")) {
            assertHarmless(item.get("name").asText());
            outcomes.add(item.get("status").asText() + (item.get("errorCode").isNull() ? "" : "/" + item.get("errorCode").asText()));
        }
        assertEquals("stored", outcomes.get(0), outcomes.toString());
        assertTrue(outcomes.get(1).equals("stored") || outcomes.get(1).startsWith("failed/") && !outcomes.get(1).equals("failed/internal"),
                outcomes.toString());
        assertEquals("stored", outcomes.get(2), outcomes.toString());
    }

    @Test
    void filesWithNamesOf255ChineseCharactersAreStoredWithoutCostingTheirRequest() throws Exception {
        List<HostileFile> files = HostileFiles.longChineseNames(settings);
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < files.size(); k += 3) {
            List<HostileFile> request = files.subList(k, k + 3);
            Multipart body = new Multipart();
            request.forEach(f -> body.file(f.name(), f.bytes()));
            HttpResponse<String> response = body.post(CLIENT, server.url("/api/uploads?expect=3"));
            if (response.statusCode() != 202) {
                problems.add("a request with a " + request.get(1).name().length() + "-character name was refused: "
                        + response.statusCode() + " " + response.body());
                continue;
            }
            JsonNode done = awaitDone(Json.MAPPER.readTree(response.body()).get("jobId").asText());
            List<JsonNode> items = new ArrayList<>();
            done.get("items").forEach(items::add);
            assertEquals(3, items.size(), done.toString());
            for (int i = 0; i < 3; i++) {
                JsonNode item = items.get(i);
                assertEquals(DisplayNames.clean(request.get(i).name()), item.get("name").asText());
                assertHarmless(item.get("name").asText());
                if ("stored".equals(item.get("status").asText())) {
                    texts.put(item.get("documentId").asText(), Http.text(Http.get(server.url("/api/documents/"
                            + item.get("documentId").asText() + "/text"))));
                }
                check(request.get(i).toString(), item, request.get(i).expect(), problems);
            }
        }
        assertEquals(List.of(), problems);
    }

    // ---- the server ---------------------------------------------------------------------------------

    @Test
    void theServerStaysUpWithin512MbAndStillAnswersSearches() throws Exception {
        assertTrue(server.isAlive(), "the server process is alive");
        HttpResponse<byte[]> health = Http.get(server.url("/api/health"));
        assertEquals(200, health.statusCode());
        JsonNode h = Http.json(health);
        assertEquals("ok", h.get("status").asText());
        assertTrue(h.get("heap").get("maxBytes").asLong() <= 512L << 20, h.toString());
        assertTrue(peakHeap > 0 && peakHeap <= 512L << 20, "peak heap " + peakHeap);

        JsonNode simplified = Http.json(Http.get(server.url("/api/search?q=" + Http.encode("\"著作权归甲方所有\"") + "&size=5")));
        assertTrue(simplified.get("total").asLong() >= 50, simplified.toString());
        JsonNode traditional = Http.json(Http.get(server.url("/api/search?q=" + Http.encode("授權範圍") + "&size=5")));
        assertTrue(traditional.get("total").asLong() >= 3, "Big5 and UTF-16 contracts are searchable: " + traditional);
        String log = server.log();
        assertFalse(log.contains("OutOfMemoryError"), tail(log));
        assertFalse(log.contains("StackOverflowError") && log.contains("import-worker"), tail(log));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static void check(String what, JsonNode item, Expect expect, List<String> problems) {
        String status = item.get("status").asText();
        String outcome = status.equals("failed") ? item.get("errorCode").asText("?") : status;
        if (!expect.allows(outcome)) {
            problems.add(what + ": " + outcome + " (" + item.get("error").asText("") + "), expected " + expect);
            return;
        }
        if (status.equals("failed") && expect.messageContains() != null && !item.get("error").asText("").contains(expect.messageContains())) {
            problems.add(what + ": message '" + item.get("error").asText() + "' lacks '" + expect.messageContains() + "'");
        }
        if (status.equals("stored")) {
            String text = texts.get(item.get("documentId").asText());
            if (text == null) {
                if (!expect.textContains().isEmpty()) {
                    problems.add(what + ": stored without text");
                }
                return;
            }
            for (String phrase : expect.textContains()) {
                if (!text.contains(phrase)) {
                    problems.add(what + ": text lacks '" + phrase + "': " + abbreviate(text));
                }
            }
            if (expect.maxTextChars() > 0 && text.length() > expect.maxTextChars() * 1.01 + 1000) {
                problems.add(what + ": text of " + text.length() + " characters, over the bound " + expect.maxTextChars());
            }
        }
    }

    private static List<JsonNode> allItems() {
        return itemsByJob.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /** Items found inside {@code top}, at any depth. */
    private static List<JsonNode> descendants(String job, JsonNode top) {
        Map<Integer, JsonNode> items = itemsByJob.get(job);
        List<JsonNode> out = new ArrayList<>();
        List<Integer> parents = new ArrayList<>(List.of(top.get("seq").asInt()));
        while (!parents.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (JsonNode item : items.values()) {
                if (!item.get("parentSeq").isNull() && parents.contains(item.get("parentSeq").asInt())) {
                    out.add(item);
                    next.add(item.get("seq").asInt());
                }
            }
            parents = next;
        }
        return out;
    }

    private static JsonNode awaitDone(String job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            JsonNode progress = Http.json(Http.get(server.url("/api/uploads/" + job)));
            if ("done".equals(progress.get("state").asText())) {
                return progress;
            }
            assertTrue(System.nanoTime() < deadline, "not done: " + progress);
            Thread.sleep(200);
        }
    }

    private static void sampleHeap() throws IOException, InterruptedException {
        HttpResponse<byte[]> health = Http.get(server.url("/api/health"));
        if (health.statusCode() == 200) {
            peakHeap = Math.max(peakHeap, Http.json(health).get("heap").get("usedBytes").asLong());
        }
    }

    private static Map<String, Integer> kinds() {
        Map<String, Integer> kinds = new TreeMap<>();
        hostile.forEach(f -> kinds.merge(f.kind(), 1, Integer::sum));
        return kinds;
    }

    /** Per kind: how many files ended how. */
    private static String outcomeTable() {
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        for (int i = 0; i < hostile.size(); i++) {
            JsonNode top = tops.get(i);
            String outcome = top == null ? "missing" : top.get("status").asText().equals("failed") ? top.get("errorCode").asText() : top.get("status").asText();
            table.computeIfAbsent(hostile.get(i).kind(), k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder("outcomes by kind:\n");
        table.forEach((kind, outcomes) -> b.append(String.format("  %-16s %s%n", kind, outcomes)));
        return b.toString();
    }

    private static String summary(JsonNode progress) {
        List<String> pending = new ArrayList<>();
        progress.get("items").forEach(item -> {
            if (Set.of("queued", "processing").contains(item.get("status").asText())) {
                pending.add(item.get("name").asText() + "=" + item.get("status").asText());
            }
        });
        return "total " + progress.get("total") + ", done " + progress.get("done") + ", failed " + progress.get("failed")
                + ", queued " + progress.get("queued") + ", processing " + progress.get("processing") + ", pending " + pending;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x7F || (c >= 0x2000 && c <= 0x206F) ? String.format("\\u%04X", c)
                : new String(Character.toChars(c))));
        return b.toString();
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A loopback HTTP listener that records every connection: no parser may ever contact it. */
    private static final class Canary implements AutoCloseable {
        private final ServerSocket socket;
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

        Canary() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::serve, "xxe-canary");
            t.setDaemon(true);
            t.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.setSoTimeout(2000);
                    InputStream in = s.getInputStream();
                    byte[] head = new byte[512];
                    int n = Math.max(0, in.read(head));
                    String line = new String(head, 0, n, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("(nothing)");
                    requests.add(line);
                    s.getOutputStream().write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    requests.add("(connection: " + e + ")");
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
