package dev.vcportfolio.matrix;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Size limits of stored matrices. */
@ConfigMapping(prefix = "app.matrix")
public interface MatrixLimits {

    /** Buckets in one matrix: sector x stage cells of one fund. */
    int MAX_BUCKETS = 1_000;

    /** Largest bucket count x scenario count accepted (64 million cells = 256 MB of float32). */
    @WithDefault("64000000")
    long maxCells();
}
