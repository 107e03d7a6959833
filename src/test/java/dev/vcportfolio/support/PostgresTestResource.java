package dev.vcportfolio.support;

import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.platform.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The database of the test run: a fresh database on the server named by {@code DB_URL} when it is set, else a fresh
 * embedded PostgreSQL. Either way the tests run against a real server migrated by Flyway at start-up.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestDatabase.start().quarkusProperties();
    }

    @Override
    public void stop() {
        TestDatabase.stop();
    }

    /** A database on the server named by DB_URL, or an embedded server; created fresh for this run. */
    static TestDatabase.Server startServer() {
        Optional<String> url = Optional.ofNullable(System.getenv("DB_URL")).filter(s -> !s.isBlank());
        if (url.isPresent()) {
            DatabaseTarget admin = DatabaseTarget.fromUrl(
                    url.get(),
                    Optional.ofNullable(System.getenv("DB_USER")),
                    Optional.ofNullable(System.getenv("DB_PASSWORD")));
            String name = "portfolio_test_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Jdbc.execute(admin, "CREATE DATABASE " + name);
            DatabaseTarget target = new DatabaseTarget(
                    admin.host(),
                    admin.port(),
                    name,
                    admin.user(),
                    admin.password(),
                    "test database " + name + " on " + admin.host() + ":" + admin.port());
            return new TestDatabase.Server(target, admin, Optional.empty());
        }
        try {
            Path directory = Files.createTempDirectory("portfolio-test-pg");
            EmbeddedDatabase embedded = EmbeddedDatabase.start(directory, 0);
            return new TestDatabase.Server(embedded.target(), embedded.target(), Optional.of(embedded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
