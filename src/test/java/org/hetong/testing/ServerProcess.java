package org.hetong.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real hetong server as a separate operating-system process (same classpath as the tests), for
 * tests that kill it with SIGKILL or bound its heap.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code hetong serve} on {@code data} with no demo import, and waits until it answers. */
    public static ServerProcess start(Path data, String maxHeap, String... systemProperties) throws IOException, InterruptedException {
        int port = freePort();
        Path emptySamples = Files.createDirectories(data.resolveSibling(data.getFileName() + "-no-samples"));
        Path log = Files.createTempFile("hetong-server-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.hetong.cli.Main", "serve",
                "--data", data.toString(), "--port", String.valueOf(port), "--samples", emptySamples.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HETONG_ADMIN_PASSWORD", TestAccounts.PASSWORD); // the first administrator, TestAccounts.ADMIN
        Process process = builder.start();
        ServerProcess server = new ServerProcess(process, port, log);
        try {
            server.awaitHealthy(Duration.ofSeconds(60));
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close(); // a server that never answered must not outlive the test
            throw e;
        }
        return server;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no flushing, as in a power cut of the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url("/api/health"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not answer within " + timeout + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    static String classpathSeparator() {
        return File.pathSeparator;
    }
}
