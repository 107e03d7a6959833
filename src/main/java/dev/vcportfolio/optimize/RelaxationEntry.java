package dev.vcportfolio.optimize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One logged relaxation step, with a sentence for people.
 *
 * @param direction {@code lowered} (minimums, winners floor) or {@code raised} (maximums)
 * @param provenLeast whether {@code newValue} is proven the least move; false when the request's time or node budget
 *     ended the search for a smaller one
 * @param provenBound the best proven bound on the least move (for the loss probability: the least loss probability any
 *     allocation can have, as far as proven); null when nothing was proven
 */
@RegisterForReflection
public record RelaxationEntry(
        String constraint,
        String subject,
        String direction,
        double oldValue,
        double newValue,
        boolean provenLeast,
        Double provenBound,
        String message) {}
