package dev.vcportfolio.core.optimize;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import java.util.Optional;

/** Conflicts among the limits visible without a solver, reported in words an analyst can act on. */
final class ObviousInfeasibility {

    private ObviousInfeasibility() {}

    static Optional<String> find(OptimizationRequest request) {
        var limits = request.limits();
        int buckets = request.buckets().size();
        if (limits.bucketMaxWeight() * buckets < 1 - 1e-12) {
            return Optional.of("bucket cap " + limits.bucketMaxWeight() + " x " + buckets + " buckets = "
                    + limits.bucketMaxWeight() * buckets + " < 1: the fund cannot be fully allocated");
        }
        double sectorMins = 0;
        for (var entry : limits.sectorBounds().entrySet()) {
            boolean present = request.buckets().stream().map(BucketSpec::sector).anyMatch(entry.getKey()::equals);
            if (!present && entry.getValue().min() > 0) {
                return Optional.of("sector " + entry.getKey() + " has a minimum but no bucket");
            }
            sectorMins += entry.getValue().min();
        }
        double stageMins = 0;
        for (var entry : limits.stageBounds().entrySet()) {
            Stage stage = entry.getKey();
            boolean present = request.buckets().stream().map(BucketSpec::stage).anyMatch(stage::equals);
            if (!present && entry.getValue().min() > 0) {
                return Optional.of("stage " + stage + " has a minimum but no bucket");
            }
            stageMins += entry.getValue().min();
        }
        if (sectorMins > 1 + 1e-12) {
            return Optional.of("sector minimums add up to " + sectorMins + " > 1");
        }
        if (stageMins > 1 + 1e-12) {
            return Optional.of("stage minimums add up to " + stageMins + " > 1");
        }
        return Optional.empty();
    }
}
