package dev.vcportfolio.optimize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of the constraint report (DESIGN 10).
 *
 * @param constraint {@code budget}, {@code bucketCap}, {@code sectorMin}, {@code sectorMax}, {@code stageMin},
 *     {@code stageMax}, {@code lossProbability}, {@code cvar} or {@code expectedWinners}
 * @param subject the bucket key, sector or stage; empty for fund-wide constraints
 * @param slack distance to the limit, positive when met with room to spare
 */
@RegisterForReflection
public record ConstraintRow(
        String constraint,
        String subject,
        double required,
        double achieved,
        boolean satisfied,
        double slack,
        boolean binding,
        boolean relaxed) {}
