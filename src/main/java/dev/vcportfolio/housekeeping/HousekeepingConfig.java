package dev.vcportfolio.housekeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How long finished work is kept, and how the clean-up of what is older runs (env {@code APP_HOUSEKEEPING_*}). */
@ConfigMapping(prefix = "app.housekeeping")
public interface HousekeepingConfig {

    /** Whether this replica runs the clean-up (every replica does by default; SKIP LOCKED keeps them apart). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Finished outbox jobs and unreferenced matrices untouched for longer than this are deleted. Must be positive: it
     * is the only thing between a finished job and its deletion.
     */
    @WithDefault("30d")
    Duration retention();

    /** Rows deleted per statement (each its own short transaction), so a large backlog never holds long locks. */
    @WithDefault("500")
    @Min(1) @Max(100_000) int batchSize();

    /** Time between runs; the first run comes one interval after start-up. */
    @WithDefault("1h")
    Duration interval();
}
