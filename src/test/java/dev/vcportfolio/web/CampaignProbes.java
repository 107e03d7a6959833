package dev.vcportfolio.web;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import io.vertx.mutiny.sqlclient.Pool;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/** What the campaigns measure around their requests: live heap, and every table's rows. */
final class CampaignProbes {

    /**
     * Every base table of the schema with its row count and the newest row version (max xmin), in one statement: an
     * insert, update or delete in any table, present or added by a later migration, changes it.
     */
    private static final String FINGERPRINT = """
            SELECT string_agg(table_name || '=' || (xpath('/row/f/text()', query_to_xml(
                       format('SELECT count(*) || ''@'' || coalesce(max(xmin::text::bigint), 0) AS f FROM %I.%I',
                              table_schema, table_name), false, true, '')))[1]::text, ' ' ORDER BY table_name)
            FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            """;

    /**
     * Jobs the outbox still has to run; rows change without a request while it is not zero. (A matrix row left
     * 'generating' by a test that wrote it directly has no job and changes nothing.)
     */
    private static final String PENDING = """
            SELECT count(*) FROM job_outbox WHERE status IN ('pending', 'processing')
            """;

    private CampaignProbes() {}

    /** Every table's rows and newest row version, e.g. {@code job_outbox=12@845 scenario_matrices=3@840 …}. */
    static String fingerprint(Pool pool) {
        return Sql.column(pool, FINGERPRINT).getFirst();
    }

    /**
     * Generous: an accepted request's jobs (a small matrix, a session) finish in seconds. The bound only turns work
     * that never settles into a failure.
     */
    private static final Duration QUIET = Duration.ofSeconds(180);

    /**
     * Waits until the outbox has nothing left to run (accepted requests' jobs done or given up), and fails when it
     * does not settle: a fingerprint taken while jobs still run would blame their writes on the next request.
     */
    static void awaitQuiet(Pool pool) {
        Await.atMost(QUIET, "the outbox to have no pending or running job")
                .until(() -> Sql.scalarLong(pool, PENDING) == 0);
    }

    /**
     * Heap in use after full collections: the least of three readings, each after {@code System.gc()} (a full GC
     * under G1 unless -XX:+DisableExplicitGC, which the build does not set). The service runs in this JVM
     * (@QuarkusTest), so this is its live heap plus the test's.
     */
    static long usedHeapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            least = Math.min(
                    least,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
