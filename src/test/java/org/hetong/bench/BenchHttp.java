package org.hetong.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hetong.archive.Json;
import org.hetong.testing.ServerProcess;
import org.hetong.testing.TestAccounts;

/**
 * Requests to a benchmarked server as the web page makes them: logged in once (session cookie),
 * so a request does not pay for a password check. {@link #basic} sends HTTP Basic instead, as a
 * script would — every such request verifies the password (Argon2id).
 */
final class BenchHttp {
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ServerProcess server;
    private final String cookie;

    BenchHttp(ServerProcess server) throws IOException, InterruptedException {
        this.server = server;
        String body = "{\"username\":\"" + TestAccounts.ADMIN + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url("/api/session")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow(
                () -> new IllegalStateException("login answered " + r.statusCode() + " without a session cookie: " + r.body()));
        this.cookie = setCookie.substring(0, setCookie.indexOf(';'));
    }

    HttpRequest request(String path, boolean basic) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30));
        return basic ? b.header("Authorization", TestAccounts.admin()).build() : b.header("Cookie", cookie).build();
    }

    HttpResponse<byte[]> send(String path, boolean basic) throws IOException, InterruptedException {
        return client.send(request(path, basic), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request(path, false), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }
}
