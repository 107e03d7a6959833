package dev.vcportfolio.platform.security;

import dev.vcportfolio.platform.database.DatabaseBootstrap;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The token table read once from {@code app.auth.tokens}; start-up fails on a malformed entry. With none configured and
 * the embedded database in use (the first run, DESIGN 17) it holds one random local token instead.
 */
@ApplicationScoped
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class);

    private final TokenTable table;
    private final Optional<FirstRunAccess> firstRun;
    private final int port;

    ApiTokens(
            AuthConfig config,
            @ConfigProperty(name = DatabaseBootstrap.EMBEDDED, defaultValue = "false") boolean embeddedDatabase,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        TokenTable configured = TokenTable.parse(config.tokens().orElse(null));
        this.firstRun = firstRun(configured, embeddedDatabase, new SecureRandom());
        this.table = firstRun.map(FirstRunAccess::table).orElse(configured);
        this.port = port;
    }

    /** The first run's local token: only on the embedded database, and only when no token is configured. */
    static Optional<FirstRunAccess> firstRun(TokenTable configured, boolean embeddedDatabase, SecureRandom random) {
        return configured.isEmpty() && embeddedDatabase ? Optional.of(FirstRunAccess.create(random)) : Optional.empty();
    }

    public Optional<FundScope> lookup(String token) {
        return table.lookup(token);
    }

    void report(@Observes StartupEvent started) {
        if (firstRun.isPresent()) {
            LOG.infof(
                    "First run: embedded database and no API tokens configured, so this start made a local token for"
                            + " fund %s; it ends with the process (APP_AUTH_TOKENS or DB_URL turn this off, README,"
                            + " Access)",
                    firstRun.get().fund());
            LOG.infof("Open %s", firstRun.get().pageAddress(port));
        } else if (table.isEmpty()) {
            LOG.warn("no API tokens configured: every /api call answers 401. Set APP_AUTH_TOKENS (app.auth.tokens) to"
                    + " sha256:<sha256 hex of the token>=<fundId>[,<fundId>...] entries separated by ';'"
                    + " (README, Access)");
        } else if (table.hasPlainTokens() && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warnf(
                    "%d API token(s) configured, some in plain text: use the sha256: form in production", table.size());
        } else {
            LOG.infof("%d API token(s) configured", table.size());
        }
    }
}
