package dev.vcportfolio.core.optimize;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A request reduced to numbers the model builders read: means, winner coefficients, groups in canonical order
 * (sectors by name, then stages by chain order) and the loss budget as a scenario count.
 *
 * @param request the request with the limits in force
 * @param scenarios the (possibly merged) scenarios
 * @param mean expected MOIC per bucket, the objective coefficients
 * @param winners expected 10x winners per unit weight, per bucket
 * @param groups sector groups then stage groups
 * @param lossBudget most scenarios allowed to lose: {@code floor(maxLossProbability * S)}
 * @param grid whole deals, or {@link DealGrid#CONTINUOUS}
 */
record Instance(
        OptimizationRequest request,
        ScenarioSet scenarios,
        double[] mean,
        double[] winners,
        List<BucketGroup> groups,
        int lossBudget,
        DealGrid grid) {

    /** A non-loss scenario must reach 1 + this, so solver tolerances never turn it into a loss. */
    static final double LOSS_MARGIN = 1e-6;

    static Instance of(OptimizationRequest request, boolean mergeScenarios) {
        var matrix = request.matrix();
        int bucketCount = matrix.bucketCount();
        var scenarios = ScenarioSet.of(matrix, mergeScenarios);
        double[] mean = new double[bucketCount];
        double[] winners = new double[bucketCount];
        for (int b = 0; b < bucketCount; b++) {
            double sum = 0;
            for (int s = 0; s < matrix.scenarioCount(); s++) {
                sum += matrix.value(b, s);
            }
            mean[b] = sum / matrix.scenarioCount();
            winners[b] = request.winnersPerWeight(b);
        }
        var limits = request.limits();
        int lossBudget = (int) Math.floor(limits.maxLossProbability() * matrix.scenarioCount() + 1e-9);
        var groups = groupsOf(request.buckets(), limits);
        return new Instance(request, scenarios, mean, winners, groups, lossBudget, DealGrid.of(request, groups));
    }

    Instance withLimits(RiskLimits limits) {
        var changed = request.withLimits(limits);
        int lossBudget = (int) Math.floor(limits.maxLossProbability() * scenarios.totalScenarios() + 1e-9);
        var groups = groupsOf(changed.buckets(), limits);
        return new Instance(changed, scenarios, mean, winners, groups, lossBudget, DealGrid.of(changed, groups));
    }

    /** The same instance with a loss budget every scenario fits in: the model then has no flags and no loss rows. */
    Instance withoutLossLimit() {
        return new Instance(request, scenarios, mean, winners, groups, scenarios.totalScenarios(), grid);
    }

    int bucketCount() {
        return mean.length;
    }

    /**
     * Which distinct scenarios lose under {@code w}, counting every one below {@code below} (a threshold just above 1,
     * where a solver leaves the scenarios it keeps from losing); null when they exceed the loss budget.
     */
    boolean[] losersWithinBudget(double[] w, double below) {
        boolean[] losing = new boolean[scenarios.size()];
        for (int j = 0; j < losing.length; j++) {
            losing[j] = scenarios.moic(j, w) < below;
        }
        return scenarios.mass(losing) <= lossBudget ? losing : null;
    }

    /** E[M] of an allocation: the objective of pass 1. */
    double expectedMoic(double[] weights) {
        double sum = 0;
        for (int b = 0; b < weights.length; b++) {
            sum += mean[b] * weights[b];
        }
        return sum;
    }

    RiskLimits limits() {
        return request.limits();
    }

    /** CVaR rows are needed only when the limit can bind: the loss fraction never exceeds 1. */
    boolean cvarActive() {
        return limits().cvarLimit() < 1;
    }

    private static List<BucketGroup> groupsOf(List<BucketSpec> buckets, RiskLimits limits) {
        var sectors = new TreeSet<String>();
        var stages = new TreeSet<Stage>();
        buckets.forEach(b -> {
            sectors.add(b.sector());
            stages.add(b.stage());
        });
        var groups = new ArrayList<BucketGroup>();
        var sectorMembers = new TreeMap<String, List<Integer>>();
        var stageMembers = new TreeMap<Stage, List<Integer>>();
        for (int b = 0; b < buckets.size(); b++) {
            sectorMembers
                    .computeIfAbsent(buckets.get(b).sector(), k -> new ArrayList<>())
                    .add(b);
            stageMembers
                    .computeIfAbsent(buckets.get(b).stage(), k -> new ArrayList<>())
                    .add(b);
        }
        for (String sector : sectors) {
            var bounds = limits.sectorBounds().getOrDefault(sector, GroupBounds.FREE);
            groups.add(new BucketGroup(BucketGroup.Kind.SECTOR, sector, ints(sectorMembers.get(sector)), bounds));
        }
        for (Stage stage : stages) {
            var bounds = limits.stageBounds().getOrDefault(stage, GroupBounds.FREE);
            groups.add(new BucketGroup(BucketGroup.Kind.STAGE, stage.name(), ints(stageMembers.get(stage)), bounds));
        }
        return List.copyOf(groups);
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
