package dev.vcportfolio.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Request body limits per kind of endpoint, enforced before a byte of the body is read, and the deadline by which a
 * body must have arrived (RequestBodyDeadline).
 */
@ConfigMapping(prefix = "app.http")
public interface HttpLimitsConfig {

    /** Largest JSON body for ordinary endpoints (requests, calibrations, evaluate, frontier). */
    @WithDefault("2M")
    MemorySize maxJsonBody();

    /** Largest body for matrix uploads ({@code POST /api/matrices}, JSON or multipart with a float32 part). */
    @WithDefault("300M")
    MemorySize maxMatrixBody();

    /**
     * How long a request body may take to arrive before its mean rate is checked. {@code quarkus.http.idle-timeout}
     * only cuts a connection that is silent; a body dripped a byte at a time never is, so this bounds it.
     */
    @WithDefault("60S")
    Duration bodyTimeout();

    /**
     * After {@link #bodyTimeout()}, the least mean rate (bytes per second since the headers) a body still arriving
     * must keep; below it the request is answered 408. A steady large upload is never cut; a 300 MB body may take
     * up to 300 MB / rate.
     */
    @WithDefault("64K")
    MemorySize bodyMinRate();

    /** The body limit of a request path: matrix uploads have their own, every other route the JSON one. */
    default long bodyLimitFor(String path) {
        return path.equals("/api/matrices")
                ? maxMatrixBody().asLongValue()
                : maxJsonBody().asLongValue();
    }
}
