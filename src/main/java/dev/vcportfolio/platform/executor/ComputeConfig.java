package dev.vcportfolio.platform.executor;

import io.smallrye.config.ConfigMapping;
import java.util.OptionalInt;

@ConfigMapping(prefix = "app.compute")
public interface ComputeConfig {

    /** Threads for CPU-heavy work (generation, encoding, optimization); default: the machine's cores. */
    OptionalInt threads();
}
