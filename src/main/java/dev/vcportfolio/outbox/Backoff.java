package dev.vcportfolio.outbox;

import java.util.random.RandomGenerator;

/** Retry delay after a failed attempt: {@code min(2^attempt, 300)} seconds plus up to a quarter more, at random. */
final class Backoff {

    static final int MAX_SECONDS = 300;

    private Backoff() {}

    static double seconds(int attempt, RandomGenerator random) {
        double base = Math.min(StrictMath.pow(2, Math.min(attempt, 30)), MAX_SECONDS);
        // jitter spreads the retries of jobs that failed together (a database blip) so they do not return together
        return base * (1 + 0.25 * random.nextDouble());
    }
}
