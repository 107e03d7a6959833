package dev.vcportfolio.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/** The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a separate process, as in production. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;
    private final Instant launched;

    private ServiceProcess(Process process, Path log, int port, Instant launched) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.launched = launched;
    }

    /** Launches the jar with the given environment added to this JVM's (minus any DB_URL it does not set). */
    public static ServiceProcess launch(String name, Map<String, String> environment, String... jvmOptions) {
        try {
            int port = freePort();
            Path log = Files.createTempFile("service-" + name + "-", ".log");
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.add("-Xmx1g");
            command.addAll(List.of(jvmOptions));
            command.add("-jar");
            command.add(Path.of("target/quarkus-app/quarkus-run.jar")
                    .toAbsolutePath()
                    .toString());
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("DB_URL");
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("APP_AUTH_TOKENS", TestTokens.ENVIRONMENT);
            builder.environment().putAll(environment);
            Instant launched = Instant.now();
            return new ServiceProcess(builder.start(), log, port, launched);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A request to the service carrying the test token (TestTokens.TOKEN). */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header(TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Waits until readiness is UP; returns the time from launch (for printing: callers must not assert on it). Fails at
     * once, with the log, when the process dies, and with the log when it is not ready within {@code deadline}, which
     * callers make generous: it only turns a service that never becomes ready into a failure.
     */
    public Duration awaitReady(Duration deadline) {
        try {
            Await.atMost(deadline, "service on port " + port + " to be ready").until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("service exited with " + process.exitValue() + ":\n" + output());
                }
                return status("/q/health/ready").filter(code -> code == 200).isPresent();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("service not ready after " + deadline + ":\n" + output(), e);
        }
        return Duration.between(launched, Instant.now());
    }

    /** Waits for the process to exit by itself; empty when it is still running at the timeout. */
    public Optional<Integer> awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue())
                    : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public Optional<Integer> status(String path) {
        try {
            HttpRequest request =
                    request(path).timeout(Duration.ofSeconds(3)).GET().build();
            return Optional.of(
                    HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the process dies at once, with no shutdown hooks. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM and wait for a graceful exit; returns the exit code. */
    public int stop() {
        process.destroy();
        return awaitExit(Duration.ofSeconds(60)).orElseGet(() -> {
            process.destroyForcibly();
            return -1;
        });
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
