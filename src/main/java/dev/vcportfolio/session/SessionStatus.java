package dev.vcportfolio.session;

/** The session state machine of DESIGN 6, spelled as in {@code optimization_sessions.status}. */
public enum SessionStatus {
    REQUESTED("requested", 0),
    MATRIX_GENERATING("matrix_generation", 5),
    OPTIMIZING("optimization", 60),
    VALIDATING("validation", 90),
    COMPLETED("completed", 100),
    FAILED("failed", 100),
    CANCELLED("cancelled", 100);

    /** Share of the whole run that matrix generation stands for, in percent: it is usually the longest step. */
    static final double MATRIX_SHARE = 55;

    private final String step;
    private final double startPercent;

    SessionStatus(String step, double startPercent) {
        this.step = step;
        this.startPercent = startPercent;
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The step a client sees in the progress object. */
    public String step() {
        return step;
    }

    /** Percent done; generation reports its own fraction, the other steps report where they start. */
    public double percent(double generationFraction) {
        return this == MATRIX_GENERATING ? startPercent + MATRIX_SHARE * generationFraction : startPercent;
    }
}
