package dev.vcportfolio.platform;

import dev.vcportfolio.platform.database.DatabaseBootstrap;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point: settles which PostgreSQL to use (configured, {@code DB_URL}, or embedded) before Quarkus reads its
 * runtime configuration, so {@code java -jar} works on a machine with no database set up.
 */
@QuarkusMain
public final class PortfolioMain {

    private PortfolioMain() {}

    public static void main(String... args) {
        DatabaseBootstrap.resolve(DatabaseBootstrap::systemSetting).forEach(System::setProperty);
        Quarkus.run(args);
    }
}
