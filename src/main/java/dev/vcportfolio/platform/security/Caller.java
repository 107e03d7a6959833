package dev.vcportfolio.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The funds of the current request's token, for resources to hand to services. */
@ApplicationScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The current token's funds. The {@code /api} permission has authenticated the request before any resource runs;
     * an identity without funds is refused all the same.
     */
    public FundScope funds() {
        FundScope scope = identity.getAttribute(TokenIdentityProvider.FUNDS);
        if (scope == null) {
            throw new UnauthorizedException();
        }
        return scope;
    }
}
