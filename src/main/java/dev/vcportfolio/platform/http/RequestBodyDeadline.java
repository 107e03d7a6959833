package dev.vcportfolio.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vcportfolio.web.ProblemKind;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Bounds how long a request body may take to arrive (slowloris). The idle timeout only cuts a silent connection; a
 * body dripped a byte every few seconds keeps it busy for ever. Each {@code /api} request with a body gets one timer,
 * armed as its headers arrive: at {@code app.http.body-timeout} a body still arriving must have kept a mean rate of
 * {@code app.http.body-min-rate} since the headers, and is checked again when, with no further byte, its mean rate
 * would fall below that; once below, the request gets a 408 problem and its connection is closed.
 *
 * <p>Vert.x Web's TimeoutHandler bounds the whole exchange (including a long frontier computation) and answers 503, so
 * it does not fit; this watches the body alone, through {@link HttpServerRequest#bytesRead()} and
 * {@link HttpServerRequest#isEnded()}, without taking over the request's data handlers.
 */
@ApplicationScoped
public class RequestBodyDeadline {

    private static final Logger LOG = Logger.getLogger(RequestBodyDeadline.class);
    /** Before the body limits (-3), so a body those let through is watched from its first byte. */
    private static final int ORDER = -4;
    /** The pending timer's id in the routing context; a closed connection's timer just finds nothing to do. */
    private static final String TIMER = RequestBodyDeadline.class.getName() + ".timer";

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long timeoutMillis;
    private final long minBytesPerSecond;
    private final ObjectMapper mapper;

    RequestBodyDeadline(HttpLimitsConfig limits, ObjectMapper mapper) {
        this.timeoutMillis = limits.bodyTimeout().toMillis();
        this.minBytesPerSecond = Math.max(1, limits.bodyMinRate().asLongValue());
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::watch);
    }

    private void watch(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (WITH_BODY.contains(request.method()) && !request.isEnded()) {
            long started = System.nanoTime();
            long timer = context.vertx().setTimer(timeoutMillis, id -> check(context, started));
            context.put(TIMER, timer);
            context.addEndHandler(ended -> cancel(context));
        }
        context.next();
    }

    private void check(RoutingContext context, long started) {
        context.remove(TIMER);
        HttpServerRequest request = context.request();
        if (request.isEnded()
                || context.response().ended()
                || context.response().closed()) {
            return;
        }
        long elapsedMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        long read = request.bytesRead();
        // the moment the mean rate since the headers falls to the minimum if no further byte comes
        long dueMillis = read * 1000 / minBytesPerSecond;
        if (dueMillis > elapsedMillis) {
            long timer =
                    context.vertx().setTimer(Math.max(100, dueMillis - elapsedMillis), id -> check(context, started));
            context.put(TIMER, timer);
            return;
        }
        LOG.infof(
                "request %s %s: body not received in time (%d bytes in %d ms)",
                request.method(), context.normalizedPath(), read, elapsedMillis);
        timeOut(context, read, elapsedMillis);
    }

    private void timeOut(RoutingContext context, long read, long elapsedMillis) {
        var connection = context.request().connection();
        if (context.response().headWritten()) {
            connection.close();
            return;
        }
        ProblemKind kind = ProblemKind.REQUEST_TIMEOUT;
        String detail = "request body not received in time: " + read + " bytes in " + elapsedMillis
                + " ms (app.http.body-timeout " + timeoutMillis + " ms, app.http.body-min-rate " + minBytesPerSecond
                + " bytes/s)";
        BodyRefusals.answer(context, mapper, kind.status(), kind.title(), detail)
                .onComplete(written -> BodyRefusals.stopArriving(context));
    }

    private static void cancel(RoutingContext context) {
        Long timer = context.remove(TIMER);
        if (timer != null) {
            context.vertx().cancelTimer(timer);
        }
    }
}
