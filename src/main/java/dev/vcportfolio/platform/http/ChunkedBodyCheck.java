package dev.vcportfolio.platform.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a body of unknown length as the reader consumes it and refuses it with a 413 once past the route's limit.
 * RequestBodyLimits cuts such a body while it arrives, but only by polling: one that arrives whole between two polls
 * would otherwise be read to its end. This makes the limit hold whatever the timing.
 */
@Provider
public class ChunkedBodyCheck implements ReaderInterceptor {

    // looked up per request: Quarkus REST builds its providers at static init, before runtime config exists
    private final Instance<HttpLimitsConfig> limits;
    private final CurrentVertxRequest current;

    ChunkedBodyCheck(Instance<HttpLimitsConfig> limits, CurrentVertxRequest current) {
        this.limits = limits;
        this.current = current;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) == null) {
            long limit = limits.get().bodyLimitFor(current.getCurrent().normalizedPath());
            context.setInputStream(new Bounded(context.getInputStream(), limit));
        }
        return context.proceed();
    }

    /** Throws (unchecked, so no reader mistakes it for malformed content) on the first byte past the limit. */
    static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            read += n;
            if (read > limit) {
                throw new WebApplicationException(
                        "request body exceeds the limit of " + limit + " bytes",
                        Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
        }
    }
}
