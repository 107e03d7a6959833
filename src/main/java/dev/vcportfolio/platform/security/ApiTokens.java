package dev.vcportfolio.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The token table read once from {@code app.auth.tokens}; start-up fails on a malformed entry. */
@ApplicationScoped
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class);

    private final TokenTable table;

    ApiTokens(AuthConfig config) {
        this.table = TokenTable.parse(config.tokens().orElse(null));
    }

    public Optional<FundScope> lookup(String token) {
        return table.lookup(token);
    }

    void report(@Observes StartupEvent started) {
        if (table.isEmpty()) {
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
