package dev.vcportfolio.optimize;

import dev.vcportfolio.core.optimize.Backend;
import dev.vcportfolio.core.optimize.SolverSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;

/** How the service runs the optimizer ({@code app.optimizer.*}, env {@code APP_OPTIMIZER_*}). */
@ConfigMapping(prefix = "app.optimizer")
public interface OptimizerConfig {

    /** Relative MIP gap at which a solve stops as optimal. */
    @WithDefault("1e-4")
    double relativeGap();

    /**
     * Branch-and-bound nodes per request, shared by relaxation, both passes and every frontier point: the
     * deterministic limit.
     */
    @WithDefault("200000")
    long nodeLimit();

    /**
     * Wall-clock time per request ({@code app.optimizer.time-limit}), shared by relaxation, both passes and every
     * frontier point; when it ends the answer is reported as "limit reached". The old name {@code
     * app.optimizer.watchdog} is still read when this one is not set.
     */
    @WithName("time-limit")
    @WithDefault("${app.optimizer.watchdog:60s}")
    Duration timeLimit();

    /** Backends run side by side, in tie-break order. */
    @WithDefault("SCIP")
    List<Backend> backends();

    /** The settings for a solve that locks pass 1 within {@code epsilon}. */
    default SolverSettings settings(double epsilon) {
        var defaults = SolverSettings.defaults();
        return new SolverSettings(
                relativeGap(),
                epsilon,
                nodeLimit(),
                timeLimit(),
                backends(),
                defaults.options(),
                defaults.relaxInfeasible());
    }
}
