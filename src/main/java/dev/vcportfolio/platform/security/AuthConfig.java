package dev.vcportfolio.platform.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** API tokens (env {@code APP_AUTH_TOKENS}); the format is {@link TokenTable#parse(String)}'s. */
@ConfigMapping(prefix = "app.auth")
public interface AuthConfig {

    /** {@code token=fundId[,fundId…]} or {@code sha256:<64 hex>=fundId[,…]} entries separated by {@code ;}. */
    Optional<String> tokens();
}
