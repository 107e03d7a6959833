package dev.vcportfolio.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vcportfolio.web.ProblemKind;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each route its own body limit. A body that declares a length over it is refused from the headers alone, before
 * any byte is read, with a problem+json 413 (this runs just before Quarkus's global check, order -2). A chunked body
 * of unknown length is counted as it arrives and cut the same way once past the limit (ChunkedBodyCheck counts it
 * again as it is read, for a body that arrives whole between two counts); Quarkus's own reader limit, handed through
 * the routing context a little above it, is only a backstop.
 */
@ApplicationScoped
public class RequestBodyLimits {

    private static final int ORDER = -3;
    private static final int CHUNKED_ORDER = -1;
    /** How often a body of unknown length is measured against its limit. */
    private static final long CHUNKED_POLL_MILLIS = 5;
    /** Quarkus's own limit sits this far above the route's, so the problem+json answer comes first. */
    private static final long CHUNKED_BACKSTOP_SLACK = 32L << 20;
    /** Where Quarkus's readers look for the size limit of a body of unknown length. */
    private static final String QUARKUS_MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final HttpLimitsConfig limits;
    private final ObjectMapper mapper;

    RequestBodyLimits(HttpLimitsConfig limits, ObjectMapper mapper) {
        this.limits = limits;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::check);
        router.route("/api/*").order(CHUNKED_ORDER).handler(this::limitChunked);
    }

    private void check(RoutingContext context) {
        if (!WITH_BODY.contains(context.request().method())) {
            context.next();
            return;
        }
        if (!hasBoundaryIfMultipart(context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            // the multipart reader fails on "boundary=" with an index error (a 500) and ignores a missing one
            reject(
                    context,
                    415,
                    ProblemKind.UNSUPPORTED_MEDIA_TYPE.title(),
                    "multipart/form-data needs a boundary parameter of 1 to 70 characters");
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limits.bodyLimitFor(context.normalizedPath());
        if (length == null) {
            context.next();
            return;
        }
        long declared = parse(length);
        if (declared < 0) {
            reject(context, 400, ProblemKind.INVALID_REQUEST.title(), "Content-Length is not a number");
        } else if (declared > limit) {
            reject(
                    context,
                    413,
                    ProblemKind.PAYLOAD_TOO_LARGE.title(),
                    "request body of " + declared + " bytes exceeds the limit of " + limit + " bytes");
        } else {
            context.next();
        }
    }

    private void limitChunked(RoutingContext context) {
        if (WITH_BODY.contains(context.request().method())
                && context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && !context.request().isEnded()) {
            long limit = limits.bodyLimitFor(context.normalizedPath());
            // Quarkus's own cut is only the backstop: it does not apply on every route, and where it does its 413 has
            // no problem body. The watch below answers first.
            context.put(QUARKUS_MAX_REQUEST_SIZE, limit + CHUNKED_BACKSTOP_SLACK);
            watchChunked(context, limit);
        }
        context.next();
    }

    /**
     * A body of unknown length is counted as it arrives ({@code bytesRead}, polled: its data handler belongs to the
     * reader); past the limit it gets a 413 problem and its connection is closed, since nothing else stops it.
     */
    private void watchChunked(RoutingContext context, long limit) {
        var vertx = context.vertx();
        long timer = vertx.setPeriodic(CHUNKED_POLL_MILLIS, id -> {
            var request = context.request();
            var response = context.response();
            if (request.isEnded() || response.ended() || response.closed()) {
                vertx.cancelTimer(id);
            } else if (request.bytesRead() > limit) {
                vertx.cancelTimer(id);
                // The body keeps arriving until its stream or connection goes: once the answer is out, end that.
                var sent = response.headWritten()
                        ? io.vertx.core.Future.<Void>succeededFuture()
                        : reject(
                                context,
                                413,
                                ProblemKind.PAYLOAD_TOO_LARGE.title(),
                                "request body exceeds the limit of " + limit + " bytes");
                sent.onComplete(written -> BodyRefusals.stopArriving(context));
            }
        });
        context.addEndHandler(ended -> vertx.cancelTimer(timer));
    }

    private io.vertx.core.Future<Void> reject(RoutingContext context, int status, String title, String detail) {
        return BodyRefusals.answer(context, mapper, status, title, detail);
    }

    /** Whether a multipart/form-data content type names a boundary (RFC 2046: 1 to 70 characters); true otherwise. */
    static boolean hasBoundaryIfMultipart(String contentType) {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return true;
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return false;
        }
        String value = boundary.group(1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return !value.isEmpty() && value.length() <= 70 && !value.contains("\"");
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=([^;]*)");

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
