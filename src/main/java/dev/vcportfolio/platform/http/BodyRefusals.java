package dev.vcportfolio.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vcportfolio.web.Problem;
import dev.vcportfolio.web.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Answers a request whose body is refused at the router, before any resource reads it (too large, too slow, no
 * multipart boundary): a problem+json, with {@code Connection: close} on HTTP/1.1 since the unread body would
 * otherwise be parsed as the next request. HTTP/2 (reached by an h2c upgrade) forbids that header: the answer ends the
 * stream.
 */
final class BodyRefusals {

    private BodyRefusals() {}

    static Future<Void> answer(RoutingContext context, ObjectMapper mapper, int status, String title, String detail) {
        Problem problem = new Problem(
                ProblemKind.forStatus(status).type(), title, status, detail, context.normalizedPath(), List.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        var response = context.response();
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (context.request().version() != HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        return response.end(body);
    }

    /**
     * Stops a body that is still arriving once its answer is out: resets its stream on HTTP/2 (the connection's other
     * streams go on), else closes the connection.
     */
    static void stopArriving(RoutingContext context) {
        if (context.request().version() == HttpVersion.HTTP_2) {
            context.response().reset();
        } else {
            context.request().connection().close();
        }
    }
}
