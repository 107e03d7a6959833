package dev.vcportfolio.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

@ConfigMapping(prefix = "app.outbox")
public interface OutboxConfig {

    /** Whether this replica drains the outbox (every replica does by default). */
    @WithDefault("true")
    boolean enabled();

    /** Jobs this replica runs at once; default: the machine's cores. */
    OptionalInt concurrency();

    /** Fallback poll when no NOTIFY arrives (a lost LISTEN connection, a job whose retry time came). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How often a running job renews its lease. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** A lease not renewed for this long belongs to a dead worker; the reaper takes the job back. */
    @WithDefault("60s")
    Duration staleAfter();

    @WithDefault("15s")
    Duration reaperInterval();

    /** On shutdown, how long in-flight jobs may run before they are released to other replicas. */
    @WithDefault("20s")
    Duration shutdownGrace();
}
