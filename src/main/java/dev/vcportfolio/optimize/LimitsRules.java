package dev.vcportfolio.optimize;

import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.error.FieldViolation;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.optimize.DealRules;
import dev.vcportfolio.core.optimize.GroupBounds;
import dev.vcportfolio.core.optimize.RiskLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Turns checked constraints into the optimizer's limits, filling defaults; what bean validation cannot say, said here. */
public final class LimitsRules {

    public static final double DEFAULT_CVAR_CONFIDENCE = 0.95;

    private LimitsRules() {}

    /**
     * @param field the JSON path of the constraints object, for error messages
     * @param sectors the sectors of the fund's buckets when known (bounds on others are a mistake); empty when unknown
     */
    public static RiskLimits toLimits(ConstraintsRequest request, String field, Optional<Set<String>> sectors) {
        ConstraintsRequest c = request == null ? ConstraintsRequest.NONE : request;
        List<FieldViolation> violations = new ArrayList<>();
        var sectorBounds = new TreeMap<String, GroupBounds>();
        if (c.sectorBounds() != null) {
            c.sectorBounds().forEach((sector, bounds) -> {
                String path = field + ".sectorBounds." + sector;
                if (sectors.isPresent() && !sectors.get().contains(sector)) {
                    violations.add(new FieldViolation(path, "no bucket has sector " + sector));
                }
                bounds(bounds, path, violations).ifPresent(b -> sectorBounds.put(sector, b));
            });
        }
        var stageBounds = new TreeMap<Stage, GroupBounds>();
        if (c.stageBounds() != null) {
            c.stageBounds().forEach((name, bounds) -> {
                String path = field + ".stageBounds." + name;
                Optional<Stage> stage = Stage.parse(name);
                if (stage.isEmpty()) {
                    violations.add(new FieldViolation(path, "unknown stage; use one of " + List.of(Stage.values())));
                }
                bounds(bounds, path, violations).ifPresent(b -> stage.ifPresent(s -> stageBounds.put(s, b)));
            });
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(
                    violations.getFirst().field() + ": " + violations.getFirst().message(), violations);
        }
        return new RiskLimits(
                or(c.bucketMaxWeight(), 1),
                sectorBounds,
                stageBounds,
                or(c.maxLossProbability(), 1),
                or(c.cvarConfidence(), DEFAULT_CVAR_CONFIDENCE),
                or(c.cvarLimit(), 1),
                or(c.minExpectedWinners(), 0));
    }

    /** Whole deals unless the request says otherwise; a minimum per bucket only with whole deals. */
    public static DealRules toDeals(ConstraintsRequest request, String field) {
        ConstraintsRequest c = request == null ? ConstraintsRequest.NONE : request;
        boolean whole = c.wholeDeals() == null || c.wholeDeals();
        int least = c.minDealsPerBucket() == null ? 0 : c.minDealsPerBucket();
        if (!whole && least > 1) {
            String path = field + ".minDealsPerBucket";
            String message = "a minimum number of deals needs wholeDeals: true";
            throw new DomainException.Invalid(path + ": " + message, List.of(new FieldViolation(path, message)));
        }
        return new DealRules(whole, whole ? least : 0);
    }

    private static Optional<GroupBounds> bounds(BoundsRequest bounds, String path, List<FieldViolation> violations) {
        double min = or(bounds.min(), 0);
        double max = or(bounds.max(), 1);
        if (min > max) {
            violations.add(new FieldViolation(path, "min " + min + " exceeds max " + max));
            return Optional.empty();
        }
        return Optional.of(new GroupBounds(min, max));
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    /** The limits written back as constraints with every default filled in: the frozen, canonical form. */
    public static ConstraintsRequest normalized(RiskLimits limits, DealRules deals) {
        var sectors = new TreeMap<String, BoundsRequest>();
        limits.sectorBounds().forEach((k, v) -> sectors.put(k, new BoundsRequest(v.min(), v.max())));
        var stages = new TreeMap<String, BoundsRequest>();
        limits.stageBounds().forEach((k, v) -> stages.put(k.name(), new BoundsRequest(v.min(), v.max())));
        return new ConstraintsRequest(
                limits.maxLossProbability(),
                limits.cvarLimit(),
                limits.cvarConfidence(),
                limits.minExpectedWinners(),
                limits.bucketMaxWeight(),
                sectors,
                stages,
                deals.whole(),
                deals.minPerBucket());
    }
}
