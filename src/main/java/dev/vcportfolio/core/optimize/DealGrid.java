package dev.vcportfolio.core.optimize;

/**
 * Whole deals as the models see them: the weight one deal of each row takes, the fewest deals in a used row, and the
 * least share of capital an optimal allocation invests.
 *
 * <p>That least share is what keeps the models as tight as with {@code sum w = 1}. A MOIC is never negative, so adding
 * a deal never lowers a scenario's MOIC, the expected MOIC or the expected winners, and never raises the CVaR: only the
 * budget, a cap or a group maximum can stop it. So some optimal allocation of pass 1 (and of every proof step) is one
 * to which no deal can be added: either some row still has room under its cap, and then less than that row's step is
 * left, or every usable row is full. With a group maximum below 1 a row can be stopped by its group, and nothing is
 * claimed (0).
 *
 * <p>A row whose deal takes less than {@link #FINE} of the capital (more than ten thousand of them would fit) is a share
 * like any continuous weight: counting its deals changes no allocation by more than that, while integer variables with
 * millions of values and coefficients near the solvers' tolerances make a MILP numerically hopeless. Its deal count is
 * reported rounded.
 *
 * @param step per row, the weight of one deal; 0 for a fine-grained row (empty: continuous weights)
 * @param least the fewest deals in a row that is used (1 when the request sets none)
 * @param leastInvested a lower bound on {@code sum w} that keeps an optimal allocation; 1 for continuous weights
 */
record DealGrid(double[] step, int least, double leastInvested) {

    static final DealGrid CONTINUOUS = new DealGrid(new double[0], 1, 1);

    /** Below this weight per deal a row's deals are not counted in the models. */
    static final double FINE = 1e-4;

    /** Relative slack on a deal count read back from a weight: solver tolerances, far below one deal. */
    private static final double COUNT_TOLERANCE = 1e-6;

    static DealGrid of(OptimizationRequest request, java.util.List<BucketGroup> groups) {
        if (!request.deals().whole()) {
            return CONTINUOUS;
        }
        int rows = request.buckets().size();
        double[] step = new double[rows];
        boolean counted = false;
        for (int b = 0; b < rows; b++) {
            double weight = request.dealWeight(b);
            step[b] = weight >= FINE ? weight : 0;
            counted |= step[b] > 0;
        }
        if (!counted) {
            return CONTINUOUS;
        }
        int least = Math.max(1, request.deals().minPerBucket());
        boolean groupMaximum = groups.stream().anyMatch(g -> g.bounds().max() < 1);
        double cap = request.limits().bucketMaxWeight();
        double full = 0;
        double widest = 0;
        for (int b = 0; b < rows; b++) {
            if (step[b] == 0) {
                full += Math.min(cap, 1); // a fine-grained row takes any share up to the cap
                continue;
            }
            int most = most(step[b], cap);
            if (most >= least) {
                full += most * step[b];
                widest = Math.max(widest, least * step[b]);
            }
        }
        double invested = groupMaximum ? 0 : Math.max(0, Math.min(1 - widest, full) - 1e-9);
        return new DealGrid(step, least, invested);
    }

    /** The most deals a row with this step holds under {@code cap} (and the budget). */
    static int most(double step, double cap) {
        return (int) Math.floor(Math.min(cap, 1) / step + COUNT_TOLERANCE);
    }

    /**
     * The most weight row {@code b} can take under {@code cap}: the cap itself for free shares, the whole deals that fit
     * under it otherwise (a tighter bound that the LPs and ranges use too).
     */
    double cap(int b, double cap) {
        if (!counted(b)) {
            return cap;
        }
        int most = most(step[b], cap);
        // a deal bigger than the capital (a step of infinity included) fits nowhere
        return most < least ? 0 : Math.min(cap, most * step[b]);
    }

    /** Whether row {@code b}'s deals are counted (whole deals, not fine-grained). */
    boolean counted(int b) {
        return whole() && step[b] > 0;
    }

    boolean whole() {
        return step.length > 0;
    }

    /** Whole deals in row {@code b} at weight {@code w}. */
    long deals(int b, double w) {
        return Math.round(w / step[b]);
    }

    /** The weights moved onto the grid (solver answers carry tolerances); unchanged for continuous weights. */
    double[] snap(double[] weights) {
        if (!whole()) {
            return weights.clone();
        }
        double[] out = new double[weights.length];
        for (int b = 0; b < out.length; b++) {
            long deals = counted(b) ? deals(b, Math.max(0, weights[b])) : 0;
            out[b] = counted(b) ? (deals == 0 ? 0 : deals * step[b]) : weights[b];
        }
        return out;
    }

    /** Whether {@code weights} are whole deals with {@code least} in every used row and at least the least invested. */
    boolean holds(double[] weights) {
        if (!whole()) {
            return true;
        }
        double sum = 0;
        for (int b = 0; b < weights.length; b++) {
            sum += weights[b];
            if (!counted(b)) {
                continue;
            }
            double count = weights[b] / step[b];
            long deals = Math.round(count);
            if (Math.abs(count - deals) > COUNT_TOLERANCE || (deals > 0 && deals < least)) {
                return false;
            }
        }
        return sum >= leastInvested - 1e-9;
    }
}
