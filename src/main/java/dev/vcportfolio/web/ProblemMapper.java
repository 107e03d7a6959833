package dev.vcportfolio.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.error.FieldViolation;
import dev.vcportfolio.platform.database.DatabaseFailures;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the API returns, as one table: exception type to status and RFC 9457 body. No stack trace ever leaves
 * the service; each 5xx is logged once with its cause.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** unsupported Unicode escape sequence (U+0000 in jsonb), character not in repertoire (NUL in text). */
    private static final java.util.Set<String> UNSTORABLE_TEXT = java.util.Set.of("22P05", "22021");

    @ServerExceptionMapper
    public Response domain(DomainException exception, UriInfo uri) {
        return switch (exception) {
            case DomainException.NotFound e -> problem(ProblemKind.NOT_FOUND, e.getMessage(), uri, List.of());
            case DomainException.Conflict e -> problem(ProblemKind.CONFLICT, e.getMessage(), uri, List.of());
            case DomainException.Invalid e -> problem(ProblemKind.INVALID_REQUEST, e.getMessage(), uri, e.violations());
            case DomainException.Infeasible e -> problem(ProblemKind.INFEASIBLE, e.getMessage(), uri, List.of());
            case DomainException.Unavailable e -> unavailable(e, uri);
        };
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, UriInfo uri) {
        List<FieldViolation> violations = exception.getConstraintViolations().stream()
                .map(v -> new FieldViolation(FieldPaths.of(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
        return problem(ProblemKind.INVALID_REQUEST, summary(violations), uri, violations);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException exception, UriInfo uri) {
        return JsonProblems.of(exception, uri);
    }

    /** Quarkus maps this one itself (500) unless told otherwise; here it means a JSON shape the type cannot take. */
    @ServerExceptionMapper
    public Response invalidDefinition(
            com.fasterxml.jackson.databind.exc.InvalidDefinitionException exception, UriInfo uri) {
        return JsonProblems.of(exception, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JacksonException exception, UriInfo uri) {
        return JsonProblems.of(exception, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uri) {
        // Quarkus REST wraps parse and binding failures it does not rethrow; a multipart part's (the matrix spec)
        // one level deeper, in a MultipartPartReadingException
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return JsonProblems.of(json, uri);
            }
        }
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(exception, "request %s failed with %d", uri.getPath(), status);
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail = exception.getMessage() == null ? kind.title() : exception.getMessage();
        Response problem = problem(kind, detail, uri, List.of());
        return status == kind.status()
                ? problem
                : Response.fromResponse(problem).status(status).build();
    }

    /**
     * Authentication refused inside the REST layer (a defence in depth: the /api permission answers before a resource
     * runs, through BearerTokenMechanism's challenge, with the same body).
     */
    @ServerExceptionMapper({
        io.quarkus.security.UnauthorizedException.class,
        io.quarkus.security.AuthenticationFailedException.class
    })
    public Response unauthorized(RuntimeException exception, UriInfo uri) {
        return Response.fromResponse(problem(
                        ProblemKind.UNAUTHORIZED,
                        "send Authorization: Bearer <token> with a valid API token",
                        uri,
                        List.of()))
                .header("WWW-Authenticate", "Bearer realm=\"vc-portfolio\"")
                .build();
    }

    /**
     * Body read failures the client caused. Quarkus's body reader signals a chunked body past the route's limit with
     * "Request too large" (it has already answered 413); the multipart reader signals a body that ended before its
     * closing boundary with "Connection terminated …" (truncated upload, or garbage after the last part's headers).
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException exception, UriInfo uri) {
        String message = String.valueOf(exception.getMessage());
        if (message.equals("Request too large")) {
            return problem(ProblemKind.PAYLOAD_TOO_LARGE, "request body exceeds the limit", uri, List.of());
        }
        if (MULTIPART_ENDED_EARLY.contains(message)) {
            return problem(
                    ProblemKind.INVALID_REQUEST,
                    "multipart body ends before its closing boundary",
                    uri,
                    List.of(new FieldViolation("", "multipart body ends before its closing boundary")));
        }
        if (clientGone(exception)) {
            // The client went away or its over-long body was cut (RequestBodyLimits answered and closed): nothing to
            // answer and nothing wrong here.
            LOG.debugf("request body for %s ended with its connection: %s", uri.getPath(), message);
            return problem(ProblemKind.INVALID_REQUEST, "connection closed while reading the body", uri, List.of());
        }
        return unexpected(exception, uri);
    }

    private static boolean clientGone(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** RESTEasy Reactive's MultiPartParserDefinition, non-blocking and blocking reads. */
    private static final java.util.Set<String> MULTIPART_ENDED_EARLY = java.util.Set.of(
            "Connection terminated reading multipart data", "Connection terminated parsing multipart request");

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable exception, UriInfo uri) {
        if (DatabaseFailures.isUnavailable(exception)) {
            return unavailable(exception, uri);
        }
        if (exception instanceof io.vertx.pgclient.PgException pg && UNSTORABLE_TEXT.contains(pg.getSqlState())) {
            // a backstop behind NoNulStrings (map keys, raw bytes): the statement failed, nothing was written
            return problem(
                    ProblemKind.INVALID_REQUEST,
                    "the request holds text PostgreSQL cannot store (a NUL character or an invalid byte sequence)",
                    uri,
                    List.of());
        }
        LOG.errorf(exception, "unexpected failure serving %s", uri.getPath());
        return problem(ProblemKind.INTERNAL_ERROR, "the service could not complete the request", uri, List.of());
    }

    private static Response unavailable(Throwable exception, UriInfo uri) {
        LOG.warnf("database unavailable while serving %s: %s", uri.getPath(), exception.getMessage());
        return Response.fromResponse(problem(
                        ProblemKind.SERVICE_UNAVAILABLE, "the database is unavailable; retry later", uri, List.of()))
                .header("Retry-After", "5")
                .build();
    }

    static Response problem(ProblemKind kind, String detail, UriInfo uri, List<FieldViolation> errors) {
        Problem body = new Problem(kind.type(), kind.title(), kind.status(), detail, uri.getPath(), errors);
        return Response.status(kind.status())
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }

    private static String summary(List<FieldViolation> violations) {
        return violations.stream()
                .map(v -> (v.field().isEmpty() ? "request body" : v.field()) + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
    }
}
