package dev.vcportfolio.optimize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One logged relaxation step, with a sentence for people.
 *
 * @param direction {@code lowered} (minimums, winners floor) or {@code raised} (maximums)
 */
@RegisterForReflection
public record RelaxationEntry(
        String constraint, String subject, String direction, double oldValue, double newValue, String message) {}
