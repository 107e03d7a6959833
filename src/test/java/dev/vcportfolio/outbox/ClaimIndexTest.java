package dev.vcportfolio.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The claim query reads the partial claim index in order (no sort), even when finished rows dominate the table. */
@QuarkusTest
class ClaimIndexTest {

    @Inject
    Pool pool;

    @AfterEach
    void cleanUp() {
        Sql.run(pool, "DELETE FROM job_outbox WHERE idempotency_key LIKE 'explain:%'");
    }

    @Test
    void claim_query_uses_the_claim_index_without_sorting() {
        // given 10,000 finished and 100 pending jobs (due later, so the running worker leaves them), fresh statistics
        Sql.run(pool, """
                INSERT INTO job_outbox (idempotency_key, job_type, payload, status, attempts, completed_at, error_reason)
                SELECT 'explain:done:' || i, 'validation', '{}',
                       (ARRAY ['completed', 'failed', 'cancelled'])[1 + i % 3], 1, now(), 'test'
                FROM generate_series(1, 10000) AS i""");
        Sql.run(pool, """
                INSERT INTO job_outbox (idempotency_key, job_type, payload, priority, next_run_at)
                SELECT 'explain:pending:' || i, 'optimization', '{}', i % 3, now() + interval '1 hour'
                FROM generate_series(1, 100) AS i""");
        Sql.run(pool, "ANALYZE job_outbox");

        // when
        String plan = String.join("\n", Sql.column(pool, "EXPLAIN " + OutboxSql.CLAIM, 8));

        // then
        assertThat(plan).contains("Index Scan using job_outbox_claim_idx").doesNotContain("Sort");
    }
}
