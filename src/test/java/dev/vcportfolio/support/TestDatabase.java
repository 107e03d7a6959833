package dev.vcportfolio.support;

import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.platform.database.EmbeddedDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Optional;
import java.util.UUID;

/**
 * The one PostgreSQL all tests share (see {@link PostgresTestResource}), and what tests may do to it: open extra
 * databases on the same server, and take it away and bring it back to simulate an outage.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestDatabase {

    record Server(DatabaseTarget target, DatabaseTarget admin, Optional<EmbeddedDatabase> embedded) {}

    private static Server server;

    private TestDatabase() {}

    /** Starts the shared server outside a Quarkus test too (integration tests launching the packaged service). */
    public static synchronized DatabaseTarget start() {
        if (server == null) {
            server = PostgresTestResource.startServer();
        }
        return server.target();
    }

    public static synchronized void stop() {
        if (server == null) {
            return;
        }
        server.embedded()
                .ifPresentOrElse(
                        EmbeddedDatabase::close,
                        () -> Jdbc.execute(
                                server.admin(),
                                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                                        + server.target().database() + "' AND pid <> pg_backend_pid()",
                                "DROP DATABASE IF EXISTS " + server.target().database()));
        server = null;
    }

    /** The database the service under test uses. */
    public static synchronized DatabaseTarget target() {
        if (server == null) {
            throw new IllegalStateException("the test database is not started");
        }
        return server.target();
    }

    /** A new, empty database on the same server, for tests of migrations and start-up. */
    public static DatabaseTarget createDatabase(String purpose) {
        DatabaseTarget base = target();
        String name =
                purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Jdbc.execute(server.admin(), "CREATE DATABASE " + name);
        return new DatabaseTarget(base.host(), base.port(), name, base.user(), base.password(), name);
    }

    /**
     * Makes the database unreachable for the service: the embedded server is shut down; a shared server refuses new
     * connections to the test database and drops the open ones.
     */
    public static synchronized void interrupt() {
        if (server.embedded().isPresent()) {
            server.embedded().get().stopServer();
        } else {
            Jdbc.execute(
                    server.admin(),
                    "ALTER DATABASE " + server.target().database() + " ALLOW_CONNECTIONS false",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                            + server.target().database() + "'");
        }
    }

    /** Brings the database back after {@link #interrupt()}, on the same address. */
    public static synchronized void resume() {
        if (server.embedded().isPresent()) {
            server.embedded().get().startServer();
        } else {
            Jdbc.execute(server.admin(), "ALTER DATABASE " + server.target().database() + " ALLOW_CONNECTIONS true");
        }
    }
}
