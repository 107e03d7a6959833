package dev.vcportfolio.core.optimize;

/**
 * One row of the constraint report, recomputed from the matrix (not read from the solver).
 *
 * @param kind which constraint
 * @param subject the bucket key, sector or stage it applies to; empty for fund-wide constraints
 * @param required the limit in force (after any relaxation)
 * @param achieved the allocation's value of the constrained quantity
 * @param satisfied whether {@code achieved} meets {@code required} within {@link AllocationCheck#TOLERANCE}
 * @param slack distance to the limit, positive when satisfied with room to spare
 * @param binding whether the limit is met with (near) zero slack: moving it would change the answer
 * @param relaxed whether the request's limit was relaxed to reach {@code required}
 */
public record ConstraintCheck(
        ConstraintKind kind,
        String subject,
        double required,
        double achieved,
        boolean satisfied,
        double slack,
        boolean binding,
        boolean relaxed) {}
