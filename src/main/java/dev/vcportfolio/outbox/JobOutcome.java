package dev.vcportfolio.outbox;

/** What became of one run of a job, as recorded (or not) in its row. */
enum JobOutcome {
    COMPLETED,
    RETRIED,
    FAILED,
    /** The row no longer carried this attempt (another worker owns it), so this run committed nothing. */
    LEASE_LOST,
    /** The outcome could not be written; the row stays {@code processing} until the lease expires. */
    UNRECORDED
}
