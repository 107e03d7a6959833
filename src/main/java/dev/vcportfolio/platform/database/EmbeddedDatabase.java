package dev.vcportfolio.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server started from the binaries packaged on Maven Central (zonky), for a machine with no database
 * configured. Its data folder survives restarts; the server stops with the JVM. It can be stopped and started again on
 * the same port and data, which outage drills use.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.port = postgres.getPort();
    }

    /**
     * Starts (and on first use initializes) a server in {@code dataDirectory}.
     *
     * @param port a fixed port, or 0 for any free one
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath();
        return new EmbeddedDatabase(launch(directory, port), directory);
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The target for the service: the {@code postgres} database as the {@code postgres} superuser (trust auth). */
    public DatabaseTarget target() {
        return new DatabaseTarget(
                "127.0.0.1",
                port,
                "postgres",
                "postgres",
                "",
                "embedded PostgreSQL on 127.0.0.1:" + port + ", data in " + dataDirectory);
    }

    /** Shuts the server down, keeping its data. */
    public synchronized void stopServer() {
        if (postgres != null) {
            close(postgres);
            postgres = null;
        }
    }

    /** Starts the server again on the same port and data after {@link #stopServer()}. */
    public synchronized void startServer() {
        if (postgres == null) {
            postgres = launch(dataDirectory, port);
        }
    }

    @Override
    public synchronized void close() {
        stopServer();
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Enough connections for several service replicas and the test suite.
                    .setServerConfig("max_connections", "300")
                    // The server's own log goes beside its data, not into the service's console.
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile(dataDirectory)))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile(dataDirectory)));
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static java.io.File logFile(Path dataDirectory) {
        return dataDirectory
                .resolveSibling(dataDirectory.getFileName() + ".log")
                .toFile();
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }
}
