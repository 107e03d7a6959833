package dev.vcportfolio.core.optimize;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves {@code tick} forward every time it is read, and never otherwise: time spent is a count of reads,
 * the same on every run and every machine, so a test can hold a request to a budget without sleeping or timing.
 */
final class TickingClock implements java.time.InstantSource {

    private final Instant origin = Instant.parse("2026-12-07T00:00:00Z");
    private final long tickNanos;
    private final AtomicLong reads = new AtomicLong();

    TickingClock(Duration tick) {
        this.tickNanos = tick.toNanos();
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(tickNanos * reads.incrementAndGet());
    }

    /** Time passed so far: reads times the tick. */
    Duration elapsed() {
        return Duration.ofNanos(tickNanos * reads.get());
    }
}
