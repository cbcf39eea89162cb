package org.hetong.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body of files, as a browser sends it, for upload tests. */
public final class Multipart {
    private final String boundary = "----hetong-test-" + UUID.randomUUID();
    private final List<byte[]> parts = new ArrayList<>();

    /** Adds a file part; {@code name} goes in the filename parameter as UTF-8, as browsers do. */
    public Multipart file(String name, byte[] content) {
        String header = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + name.replace("\"", "%22") + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        part.writeBytes(content);
        part.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        parts.add(part.toByteArray());
        return this;
    }

    public byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** POSTs the files to {@code url} as the test administrator. */
    public HttpResponse<String> post(HttpClient client, String url) throws IOException, InterruptedException {
        return post(client, url, TestAccounts.admin());
    }

    /** POSTs the files to {@code url} with this {@code Authorization} header (null: none). */
    public HttpResponse<String> post(HttpClient client, String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body()));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
