package dev.vcportfolio.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How tests wait for something asynchronous (a job done, readiness back, a process up): Awaitility, never a loop of
 * their own. Each wait is named, so a timeout says what did not happen, and bounded by a deadline the caller states
 * and explains: generous, so that a slow or shared machine only makes the wait longer, never fails it; the deadline
 * only turns "never happens" into a failure instead of a hang.
 *
 * <p>The condition is first checked at once, then every 100 ms. Exceptions on other threads (Vert.x, a launched
 * service's reader) are left to their own handlers: only the condition decides.
 */
public final class Await {

    private Await() {}

    /** A wait for {@code what}, failing when it has not happened within {@code deadline}. */
    public static ConditionFactory atMost(Duration deadline, String what) {
        return Awaitility.await(what)
                .atMost(deadline)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .dontCatchUncaughtExceptions();
    }
}
