package dev.vcportfolio.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request body limits per kind of endpoint, enforced before a byte of the body is read. */
@ConfigMapping(prefix = "app.http")
public interface HttpLimitsConfig {

    /** Largest JSON body for ordinary endpoints (requests, calibrations, evaluate, frontier). */
    @WithDefault("2M")
    MemorySize maxJsonBody();

    /** Largest body for matrix uploads ({@code POST /api/matrices}, JSON or multipart with a float32 part). */
    @WithDefault("300M")
    MemorySize maxMatrixBody();
}
