package dev.vcportfolio.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a bearer token into an identity carrying its {@link FundScope} (attribute {@link #FUNDS}). An unknown token
 * fails authentication: 401, the same answer as no token.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The identity attribute holding the caller's {@link FundScope}. */
    public static final String FUNDS = "vcportfolio.funds";

    static final String ROLE = "fund-member";

    private final ApiTokens tokens;

    TokenIdentityProvider(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return tokens.lookup(request.getToken().getToken())
                .map(scope -> Uni.createFrom().item(identity(scope)))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown API token")));
    }

    private static SecurityIdentity identity(FundScope scope) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("fund:" + scope.funds().getFirst()))
                .addRole(ROLE)
                .addAttribute(FUNDS, scope)
                .build();
    }
}
