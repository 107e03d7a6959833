package dev.vcportfolio.platform.database;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jboss.logging.Logger;

/**
 * The schema version this build expects, read once from Flyway after it migrated at start-up (JDBC is used only
 * here). Readiness compares it with the database through the reactive client.
 */
@Startup
@ApplicationScoped
public class SchemaVersion {

    private static final Logger LOG = Logger.getLogger(SchemaVersion.class);

    private final String expected;

    SchemaVersion(Flyway flyway, DatabaseDescription database) {
        MigrationInfo current = flyway.info().current();
        this.expected = Optional.ofNullable(current)
                .map(info -> info.getVersion().getVersion())
                .orElse("0");
        LOG.infof("Database: %s; schema at version %s", database.text(), expected);
    }

    public String expected() {
        return expected;
    }
}
