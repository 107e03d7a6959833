package dev.vcportfolio.platform.security;

import dev.vcportfolio.web.Problem;
import dev.vcportfolio.web.ProblemKind;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code Authorization: Bearer <token>} on {@code /api} paths (DESIGN 10, Access). The path permission in
 * application.properties requires an identity there; everything else (health, metrics, OpenAPI, the web page) is
 * never authenticated, so a stray header cannot break a probe. Missing and unknown tokens get the same 401
 * problem+json with {@code WWW-Authenticate: Bearer}.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    static final String API = "/api";
    static final String SCHEME = "bearer";
    static final String CHALLENGE = "Bearer realm=\"vc-portfolio\"";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!isApi(context.normalizedPath())) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        String header = context.request().headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        int space = header.indexOf(' ');
        String token = space < 0 ? "" : header.substring(space + 1).strip();
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME) || token.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not a bearer token"));
        }
        var request = new TokenAuthenticationRequest(new TokenCredential(token, SCHEME));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom()
                .item(new ChallengeData(
                        ProblemKind.UNAUTHORIZED.status(), HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE));
    }

    /** The challenge with a problem body, like every other error the API returns. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        var response = context.response();
        if (!response.ended()) {
            ProblemKind kind = ProblemKind.UNAUTHORIZED;
            Problem problem = new Problem(
                    kind.type(),
                    kind.title(),
                    kind.status(),
                    "send Authorization: Bearer <token> with a valid API token",
                    context.normalizedPath(),
                    List.of());
            response.setStatusCode(kind.status())
                    .putHeader(HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE)
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Json.encode(problem));
        }
        return Uni.createFrom().item(Boolean.TRUE);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }

    static boolean isApi(String path) {
        return path != null && (path.equals(API) || path.startsWith(API + "/"));
    }
}
