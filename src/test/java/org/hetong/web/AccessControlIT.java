package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hetong.archive.Json;
import org.hetong.archive.Role;
import org.hetong.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every API route against every role, over the real server: the access table covers exactly the
 * routes Javalin has registered, each route refuses anonymous callers (401) and the wrong role (403)
 * and lets the right ones through; CSRF, cross-site writes, login throttling, API tokens, the
 * session cookie, the audit trail and the security headers.
 */
class AccessControlIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static SampleServer server;

    /** The four callers: nobody, and one account of each role. */
    enum Caller {
        ANONYMOUS(null, null), READER(TestAccounts.READER, Role.READER), UPLOADER(TestAccounts.UPLOADER, Role.UPLOADER),
        ADMIN(TestAccounts.ADMIN, Role.ADMIN);

        final String username;
        final Role role;

        Caller(String username, Role role) {
            this.username = username;
            this.role = role;
        }

        String authorization() {
            return username == null ? null : TestAccounts.basic(username);
        }
    }

    @BeforeAll
    static void start() {
        server = SampleServer.get();
    }

    @Test
    void theAccessTableListsExactlyTheApiRoutesTheServerHasRegistered() {
        TreeSet<String> registered = server.app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint)
                .filter(e -> e.path.startsWith("/api/"))
                .map(e -> e.method.name() + " " + e.path)
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> table = AccessRules.all().stream().map(AccessRules.Rule::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(table, registered, "a registered route without a rule is refused to everyone; add it to AccessRules");
        assertTrue(registered.size() >= 30, "all route classes are registered: " + registered);
    }

    static Stream<AccessRules.Rule> rules() {
        return AccessRules.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRouteRefusesAnonymousCallersAndTheWrongRoleAndAdmitsTheRightOnes(AccessRules.Rule rule) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            HttpResponse<String> response = send(rule.method(), concrete(rule.path()), "{}", caller.authorization(), Map.of());
            int status = response.statusCode();
            String expected;
            if (rule.role() == null) {
                expected = status == 401 || status == 403 ? "allowed" : null;
            } else if (caller.role == null) {
                expected = status == 401 && code(response).equals("unauthenticated") && response.body().contains("请先登录") ? null : "401";
            } else if (caller.role.includes(rule.role())) {
                expected = status == 401 || status == 403 ? "allowed" : null;
            } else {
                expected = status == 403 && code(response).equals("forbidden") && response.body().contains(rule.role().label()) ? null : "403";
            }
            if (expected != null) {
                wrong.add(caller + " expected " + expected + " but got " + status + " " + response.body());
            }
        }
        assertEquals(List.of(), wrong, rule.key() + " needs " + (rule.role() == null ? "nobody" : rule.role()));
    }

    @Test
    void withoutLoginHealthSaysOnlyThatTheServerIsUpAndThePageIsPublic() throws Exception {
        JsonNode anonymous = Http.json(Http.get(server.url("/api/health"), null));
        assertEquals(Json.MAPPER.readTree("{\"status\":\"ok\"}"), anonymous, "no counts without login");
        JsonNode reader = Http.json(Http.get(server.url("/api/health"), TestAccounts.basic(TestAccounts.READER)));
        assertTrue(reader.get("documents").asLong() > 0, reader.toString());
        HttpResponse<byte[]> page = Http.get(server.url("/"), null);
        assertEquals(200, page.statusCode());
        assertTrue(Http.text(page).contains("login-form"));
        assertEquals(401, Http.get(server.url("/api/search?q=" + Http.encode("保密")), null).statusCode());
    }

    @Test
    void aHeadRequestCannotReadAnOriginalWithoutLogin() throws Exception {
        String id = anyDocumentId();
        HttpResponse<String> head = send("HEAD", "/api/documents/" + id + "/original", null, null, Map.of());
        assertEquals(401, head.statusCode());
        HttpResponse<String> headAsReader = send("HEAD", "/api/documents/" + id + "/original", null, TestAccounts.basic(TestAccounts.READER), Map.of());
        assertEquals(403, headAsReader.statusCode(), "HEAD is not in the table, so it is refused");
    }

    @Test
    void aScriptWithoutCredentialsIsToldToUseBasicButThePageIsNot() throws Exception {
        HttpResponse<String> script = send("GET", "/api/search", null, null, Map.of());
        assertTrue(script.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), script.headers().toString());
        HttpResponse<String> page = send("GET", "/api/search", null, null, Map.of("X-Requested-With", "XMLHttpRequest"));
        assertEquals(401, page.statusCode());
        assertTrue(page.headers().firstValue("WWW-Authenticate").isEmpty(), "no browser password dialog over the page");
    }

    @Test
    void aCookieSessionMustSendItsCsrfTokenWithEveryWriteAndEndsAtLogout() throws Exception {
        Login login = logIn(server.url(""), TestAccounts.UPLOADER, TestAccounts.PASSWORD);
        assertEquals(200, login.response.statusCode(), login.response.body());
        String setCookie = login.response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "not over plain HTTP: " + setCookie);
        JsonNode session = Json.MAPPER.readTree(send("GET", "/api/session", null, null, Map.of("Cookie", login.cookie)).body());
        assertEquals("uploader", session.get("role").asText());
        assertEquals(login.csrf, session.get("csrfToken").asText());

        String write = "/api/documents/0000000000000000/contract";
        HttpResponse<String> noToken = send("PUT", write, "{}", null, Map.of("Cookie", login.cookie));
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertEquals("csrf", code(noToken));
        HttpResponse<String> wrongToken = send("PUT", write, "{}", null, Map.of("Cookie", login.cookie, "X-CSRF-Token", "guess"));
        assertEquals(403, wrongToken.statusCode());
        HttpResponse<String> withToken = send("PUT", write, "{}", null, Map.of("Cookie", login.cookie, "X-CSRF-Token", login.csrf));
        assertEquals(404, withToken.statusCode(), "past access control: the document does not exist. " + withToken.body());
        HttpResponse<String> crossSite = send("PUT", write, "{}", null,
                Map.of("Cookie", login.cookie, "X-CSRF-Token", login.csrf, "Origin", "http://evil.example"));
        assertEquals(403, crossSite.statusCode());
        assertEquals("cross_site", code(crossSite));

        HttpResponse<String> logoutWithoutToken = send("DELETE", "/api/session", null, null, Map.of("Cookie", login.cookie));
        assertEquals(403, logoutWithoutToken.statusCode(), "a cross-site page cannot log someone out either");
        assertEquals(200, send("DELETE", "/api/session", null, null, Map.of("Cookie", login.cookie, "X-CSRF-Token", login.csrf)).statusCode());
        assertFalse(Json.MAPPER.readTree(send("GET", "/api/session", null, null, Map.of("Cookie", login.cookie)).body())
                .get("authenticated").asBoolean());
        assertEquals(401, send("GET", "/api/search", null, null, Map.of("Cookie", login.cookie)).statusCode());
    }

    @Test
    void loggingInNeedsAJsonBodySoThatAnotherSiteCannotPostAForm() throws Exception {
        HttpResponse<String> form = send("POST", "/api/session", "username=admin&password=x", null,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(415, form.statusCode(), form.body());
    }

    @Test
    void anApiTokenActsAsItsAccountUntilItIsRevokedAndItsSecretIsShownOnce() throws Exception {
        HttpResponse<String> created = send("POST", "/api/tokens", "{\"name\":\"检索脚本\",\"username\":\"reader\"}", TestAccounts.admin(), Map.of());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode token = Json.MAPPER.readTree(created.body());
        String secret = token.get("secret").asText();
        String bearer = "Bearer " + secret;
        assertTrue(secret.startsWith("ht_") && secret.length() > 40, secret);

        assertEquals(200, send("GET", "/api/search?q=" + Http.encode("保密"), null, bearer, Map.of()).statusCode());
        HttpResponse<String> upload = send("POST", "/api/uploads", "{}", bearer, Map.of());
        assertEquals(403, upload.statusCode(), "the token has its account's role (reader): " + upload.body());
        String listed = send("GET", "/api/tokens", null, TestAccounts.admin(), Map.of()).body();
        assertTrue(listed.contains(token.get("id").asText()) && !listed.contains(secret), "listed without its secret");

        HttpResponse<String> revoked = send("DELETE", "/api/tokens/" + token.get("id").asText(), null, TestAccounts.admin(), Map.of());
        assertEquals(200, revoked.statusCode(), revoked.body());
        HttpResponse<String> after = send("GET", "/api/search?q=" + Http.encode("保密"), null, bearer, Map.of());
        assertEquals(401, after.statusCode());
        assertEquals("bad_token", code(after));
    }

    @Test
    void aTokenNeedsNoCsrfTokenForWrites() throws Exception {
        JsonNode token = Json.MAPPER.readTree(send("POST", "/api/tokens", "{\"name\":\"导入脚本\",\"username\":\"uploader\"}",
                TestAccounts.admin(), Map.of()).body());
        HttpResponse<String> write = send("PUT", "/api/documents/0000000000000000/contract", "{}", "Bearer " + token.get("secret").asText(), Map.of());
        assertEquals(404, write.statusCode(), write.body());
    }

    @Test
    void failedLoginsLockTheAccountAfterFiveAndTheAddressAfterTwentyWithRetryAfter() throws Exception {
        Javalin fresh = WebApp.create(server.services.web()).start("127.0.0.1", 0); // its own throttle
        try {
            String origin = "http://127.0.0.1:" + fresh.port();
            for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
                assertEquals(401, logIn(origin, TestAccounts.READER, "wrong-password-" + i).response.statusCode());
            }
            HttpResponse<String> locked = logIn(origin, TestAccounts.READER, TestAccounts.PASSWORD).response;
            assertEquals(429, locked.statusCode(), "even the right password waits: " + locked.body());
            long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
            assertTrue(Json.MAPPER.readTree(locked.body()).get("error").asText().contains("分钟后再试"), locked.body());
            assertEquals(429, send(origin, "GET", "/api/search", null, TestAccounts.basic(TestAccounts.READER), Map.of()).statusCode(),
                    "HTTP Basic is locked for that account too");
            String uploader = TestAccounts.basic(TestAccounts.UPLOADER);
            assertEquals(200, send(origin, "GET", "/api/search?q=x", null, uploader, Map.of()).statusCode(), "other accounts go on");

            for (int i = LoginThrottle.PER_ACCOUNT; i < LoginThrottle.PER_ADDRESS; i++) {
                assertEquals(401, logIn(origin, "guess" + i, "wrong-password").response.statusCode());
            }
            assertEquals(429, send(origin, "GET", "/api/search", null, uploader, Map.of()).statusCode(),
                    "after twenty failures the address is locked for every account");
        } finally {
            fresh.stop();
        }
        assertEquals(200, Http.get(server.url("/api/search?q=x"), TestAccounts.basic(TestAccounts.READER)).statusCode(),
                "another server instance was not affected");
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndEndsOtherLogins() throws Exception {
        String name = "changer" + System.nanoTime() % 100_000;
        assertEquals(201, send("POST", "/api/users", "{\"username\":\"" + name + "\",\"password\":\"first-password\",\"role\":\"reader\"}",
                TestAccounts.admin(), Map.of()).statusCode());
        Javalin fresh = WebApp.create(server.services.web()).start("127.0.0.1", 0); // wrong passwords count against its own throttle
        try {
            String origin = "http://127.0.0.1:" + fresh.port();
            Login one = logIn(origin, name, "first-password");
            Login other = logIn(origin, name, "first-password");
            Map<String, String> headers = Map.of("Cookie", one.cookie, "X-CSRF-Token", one.csrf);
            assertEquals(401, send(origin, "POST", "/api/session/password", "{\"currentPassword\":\"nope-nope\",\"newPassword\":\"second-password\"}",
                    null, headers).statusCode());
            assertEquals(400, send(origin, "POST", "/api/session/password", "{\"currentPassword\":\"first-password\",\"newPassword\":\"short\"}",
                    null, headers).statusCode());
            HttpResponse<String> changed = send(origin, "POST", "/api/session/password",
                    "{\"currentPassword\":\"first-password\",\"newPassword\":\"second-password\"}", null, headers);
            assertEquals(200, changed.statusCode(), changed.body());
            assertEquals(401, send(origin, "GET", "/api/search", null, TestAccounts.basic(name, "first-password"), Map.of()).statusCode());
            assertEquals(200, send(origin, "GET", "/api/search?q=x", null, TestAccounts.basic(name, "second-password"), Map.of()).statusCode());
            assertEquals(200, send(origin, "GET", "/api/search?q=x", null, null, Map.of("Cookie", one.cookie)).statusCode(), "this login goes on");
            assertEquals(401, send(origin, "GET", "/api/search?q=x", null, null, Map.of("Cookie", other.cookie)).statusCode(), "the other ended");
        } finally {
            fresh.stop();
        }
    }

    @Test
    void theAuditLogRecordsWhoSearchedAndDownloadedWhatFromWhere() throws Exception {
        String id = anyDocumentId();
        String reader = TestAccounts.basic(TestAccounts.READER);
        assertEquals(200, Http.get(server.url("/api/search?q=" + Http.encode("不可抗力") + "&kind=contract"), reader).statusCode());
        assertEquals(200, Http.get(server.url("/api/documents/" + id + "/original"), reader).statusCode());
        JsonNode downloads = Http.json(Http.get(server.url("/api/audit?user=reader&action=download")));
        JsonNode entry = downloads.get("entries").get(0);
        assertEquals(id, entry.get("target").asText(), downloads.toString());
        assertEquals("127.0.0.1", entry.get("ip").asText());
        assertFalse(entry.get("detail").asText().isBlank(), "names the file: " + entry);
        JsonNode searches = Http.json(Http.get(server.url("/api/audit?user=reader&action=search")));
        String detail = searches.get("entries").get(0).get("detail").asText();
        assertTrue(detail.contains("q=不可抗力") && detail.contains("kind=contract"), "query and filters: " + detail);
        JsonNode logins = Http.json(Http.get(server.url("/api/audit?action=login")));
        assertTrue(logins.get("total").asLong() > 0, "session logins are recorded");

        HttpResponse<byte[]> csv = Http.get(server.url("/api/audit/export.csv?user=reader&action=download"));
        assertEquals(200, csv.statusCode());
        String text = Http.text(csv);
        assertTrue(text.startsWith("\uFEFF编号,时间(UTC),账号,操作"), text.substring(0, Math.min(80, text.length())));
        assertTrue(text.contains("\"download\"") && text.contains(id), text);
        assertEquals(403, Http.get(server.url("/api/audit"), reader).statusCode());
    }

    @Test
    void aSpreadsheetFormulaInAnAuditCellIsDefused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", AuditRoutes.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("\"保密\"", AuditRoutes.cell("保密"));
        assertEquals("", AuditRoutes.cell(null));
    }

    @Test
    void bodiesOverTheLimitAreRefusedOutsideUploads() throws Exception {
        String big = "{\"contractId\":\"" + "0".repeat(100_000) + "\"}";
        // Expect: 100-continue lets the server refuse on the headers, before the client has sent the body;
        // otherwise the refusal can race the client's writing and arrive as a reset connection.
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/api/documents/0000000000000000/contract")))
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .header("Authorization", TestAccounts.admin())
                .method("PUT", HttpRequest.BodyPublishers.ofString(big))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/app.js", "/api/health", "/api/search?q=x")) {
            HttpResponse<byte[]> response = Http.get(server.url(path));
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), path + ": " + csp);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), path);
        }
        assertEquals("no-store", Http.get(server.url("/api/search?q=x")).headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void noUserInputReachesAFilesystemPath() throws Exception {
        for (String path : List.of("/..%2F..%2Fpom.xml", "/%2e%2e/%2e%2e/pom.xml", "/api/documents/..%2F..%2Fcatalog.db/original",
                "/js/..%2F..%2Fpom.xml", "/..;/pom.xml")) {
            HttpResponse<byte[]> response = Http.get(server.url(path));
            assertNotEquals(200, response.statusCode(), path);
            assertFalse(Http.text(response).contains("<artifactId>"), path);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private record Login(HttpResponse<String> response, String cookie, String csrf) {}

    private static Login logIn(String origin, String username, String password) throws Exception {
        String body = Json.MAPPER.writeValueAsString(Map.of("username", username, "password", password));
        HttpResponse<String> response = send(origin, "POST", "/api/session", body, null, Map.of());
        String cookie = response.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(null);
        String csrf = response.statusCode() == 200 ? Json.MAPPER.readTree(response.body()).get("csrfToken").asText() : null;
        return new Login(response, cookie, csrf);
    }

    /** A route path with its parameters filled with values that exist nowhere, so that no request changes anything. */
    private static String concrete(String path) {
        return path.replace("/api/clauses/{id}", "/api/clauses/0000000000000000-1")
                .replace("/api/tokens/{id}", "/api/tokens/000000000000")
                .replace("{id}", "0000000000000000")
                .replace("{jobId}", "nosuchjob")
                .replace("{username}", "nosuchuser");
    }

    private static String anyDocumentId() throws IOException, InterruptedException {
        return Http.json(Http.get(server.url("/api/documents?size=1&kind=contract"))).get("documents").get(0).get("documentId").asText();
    }

    private static String code(HttpResponse<String> response) throws IOException {
        JsonNode body = Json.MAPPER.readTree(response.body());
        return body == null || body.get("code") == null ? "" : body.get("code").asText();
    }

    private static HttpResponse<String> send(String method, String path, String body, String authorization, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(server.url(""), method, path, body, authorization, headers);
    }

    private static HttpResponse<String> send(String origin, String method, String path, String body, String authorization,
                                             Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
