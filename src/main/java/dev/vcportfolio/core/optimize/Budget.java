package dev.vcportfolio.core.optimize;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One request's allowance of wall-clock time and branch-and-bound nodes, shared by everything it solves (relaxation,
 * both passes, every frontier point). Immutable: a step works under {@link #share} of what is left and the caller then
 * {@link #record records} what the step spent, which gives a new budget with fewer nodes and the step logged. The
 * deadline is an instant, so every share of it ends no later than the request's own.
 *
 * <p>Time is read only from the {@link InstantSource} (tests drive it by hand). Wall-clock time is only ever a budget:
 * the deterministic stops are node counts, so a request that does not exhaust its budget gets the same answer every
 * time. Work that only reports on what was found (a stopped ladder's LP bound) may run on into the {@link #grace}
 * beyond the deadline, a twentieth of the limit, so a request never overruns its limit by more than that and the
 * scheduling noise around it.
 */
public final class Budget {

    /** What one step spent: time in milliseconds, nodes. */
    public record Step(String step, long millis, long nodes) {

        public Step {
            if (millis < 0 || nodes < 0) {
                throw new IllegalArgumentException(
                        "a step spends millis >= 0 and nodes >= 0: " + millis + ", " + nodes);
            }
        }
    }

    /**
     * How a budget was spent.
     *
     * @param limitMillis the request's time limit, milliseconds
     * @param spentMillis from the start to the moment of the report, milliseconds
     * @param nodeLimit the request's node budget
     * @param steps the steps recorded, in order
     */
    public record Use(long limitMillis, long spentMillis, long nodeLimit, List<Step> steps) {

        public Use {
            steps = List.copyOf(steps);
        }

        /** Nodes spent by all steps. */
        public long nodes() {
            return steps.stream().mapToLong(Step::nodes).sum();
        }
    }

    private static final int GRACE_DIVISOR = 20;

    private final InstantSource clock;
    private final Instant start;
    private final Duration limit;
    private final long nodeLimit;
    private final Instant deadline;
    private final long nodes;
    private final List<Step> steps;

    private Budget(
            InstantSource clock,
            Instant start,
            Duration limit,
            long nodeLimit,
            Instant deadline,
            long nodes,
            List<Step> steps) {
        this.clock = clock;
        this.start = start;
        this.limit = limit;
        this.nodeLimit = nodeLimit;
        this.deadline = deadline;
        this.nodes = nodes;
        this.steps = List.copyOf(steps);
    }

    /**
     * A request's budget, starting now.
     *
     * @param limit wall-clock time, positive
     * @param nodes branch-and-bound nodes over all solves, positive
     */
    public static Budget start(InstantSource clock, Duration limit, long nodes) {
        if (limit.isNegative() || limit.isZero() || nodes <= 0) {
            throw new IllegalArgumentException(
                    "a budget needs a positive time and node limit: " + limit + ", " + nodes);
        }
        var now = clock.instant();
        return new Budget(clock, now, limit, nodes, now.plus(limit), nodes, List.of());
    }

    /** Far more than any test or tool solve needs, on the system clock: for callers outside a request. */
    static Budget generous() {
        return start(InstantSource.system(), Duration.ofDays(1), Long.MAX_VALUE);
    }

    /** The clock's current instant. */
    public Instant now() {
        return clock.instant();
    }

    /** Time left before this budget's deadline, zero once it has passed. */
    public Duration remaining() {
        var left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the deadline has passed (nodes are checked separately: {@link #nodes()}). */
    public boolean expired() {
        return !clock.instant().isBefore(deadline);
    }

    /** Nodes left, &ge; 0. */
    public long nodes() {
        return nodes;
    }

    /** Whether the time or the nodes are used up. */
    public boolean exhausted() {
        return nodes <= 0 || expired();
    }

    /** The request's whole time limit. */
    public Duration limit() {
        return limit;
    }

    /**
     * Time left for work past the deadline that only reports on what was found (a bound), up to a twentieth of the
     * request's limit beyond the request's deadline; zero after that.
     */
    public Duration grace() {
        var end = start.plus(limit).plus(limit.dividedBy(GRACE_DIVISOR));
        var left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * A step's part: {@code fraction} of the time left, from now, never past this budget's deadline, and every node
     * left (nodes are the deterministic stop; a later step simply gets what earlier ones left, so a node-limited
     * request stops the same way every time). The step logs nothing of its own; the caller records what it spent.
     *
     * @param fraction in (0, 1]
     */
    public Budget share(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        var now = clock.instant();
        var left = Duration.between(now, deadline);
        var end = left.isNegative() ? deadline : now.plus(Duration.ofNanos((long) (left.toNanos() * fraction)));
        return new Budget(clock, start, limit, nodeLimit, end, nodes, List.of());
    }

    /** The same deadline with the nodes split {@code ways} ways (steps run side by side), deterministically. */
    public Budget split(int ways) {
        if (ways < 1) {
            throw new IllegalArgumentException("ways must be >= 1: " + ways);
        }
        return new Budget(clock, start, limit, nodeLimit, deadline, nodes / ways, List.of());
    }

    /** The same deadline with at most {@code most} nodes: a small step's own deterministic stop. */
    public Budget atMostNodes(long most) {
        return new Budget(clock, start, limit, nodeLimit, deadline, Math.min(nodes, most), List.of());
    }

    /** This budget with {@code used} nodes fewer (none below zero) and nothing logged: inside one step. */
    public Budget lessNodes(long used) {
        if (used < 0) {
            throw new IllegalArgumentException("used must be >= 0: " + used);
        }
        return new Budget(clock, start, limit, nodeLimit, deadline, Math.max(0, nodes - used), steps);
    }

    /**
     * This budget after a step that began at {@code since} and used {@code used} nodes: the nodes subtracted, the step
     * logged with its time up to now.
     */
    public Budget record(String step, Instant since, long used) {
        long millis = Math.max(0, Duration.between(since, clock.instant()).toMillis());
        var logged = new ArrayList<>(steps);
        logged.add(new Step(step, millis, Math.max(0, used)));
        return new Budget(clock, start, limit, nodeLimit, deadline, Math.max(0, nodes - Math.max(0, used)), logged);
    }

    /** Milliseconds from {@code since} to now, for a solve's own report. */
    long millisSince(Instant since) {
        return Math.max(0, Duration.between(since, clock.instant()).toMillis());
    }

    /** How the budget was spent so far. */
    public Use use() {
        long spent = Math.max(0, Duration.between(start, clock.instant()).toMillis());
        return new Use(limit.toMillis(), spent, nodeLimit, steps);
    }

    @Override
    public String toString() {
        return "Budget[limit=" + limit + ", nodes=" + nodes + ", steps=" + steps + "]";
    }
}
