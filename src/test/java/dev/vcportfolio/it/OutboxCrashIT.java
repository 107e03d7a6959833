package dev.vcportfolio.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.support.Jdbc;
import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.SharedDatabase;
import dev.vcportfolio.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly-once effects under crashes: three replicas of the packaged service drain 300 probe jobs while one replica at
 * a time is SIGKILLed and restarted, at once and then every 2-3 s (a replica that has been ready for 2 s, while another
 * one is ready). Every job must end {@code
 * completed} with exactly one effect, written by the attempt that completed it. Run alone: {@code ./mvnw verify
 * -Dit.test=OutboxCrashIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(SharedDatabase.class)
class OutboxCrashIT {

    /**
     * Generous: a replica starts in seconds, 11-15 s when three JVMs start on two loaded cores. The bound only turns a
     * replica that never becomes ready into a failure.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /**
     * Generous: the 300 jobs are 7.5 s of handler time on six slots; kills and restarts stretch that, by far less
     * than this. The loop ends as soon as every job has finished; this bound only stops a drain that stalls, which the
     * assertions then report.
     */
    private static final Duration DRAIN_DEADLINE = Duration.ofMinutes(5);

    /** Pacing: how long a replica has been ready before it may be killed (some two dozen jobs at two at a time). */
    private static final Duration MIN_UPTIME = Duration.ofSeconds(2);

    private static final int JOBS = 300;
    private static final int REPLICAS = 3;
    private static final long SEED = 20261124L;

    @Test
    void every_job_completes_exactly_once_while_replicas_are_killed() throws Exception {
        // given three replicas with short leases on a fresh database
        DatabaseTarget database = TestDatabase.createDatabase("outbox_crash");
        Map<String, String> environment = environment(database);
        List<ServiceProcess> replicas = new ArrayList<>();
        Random random = new Random(SEED);
        int kills = 0;
        try {
            long[] readySince = new long[REPLICAS];
            replicas.add(ServiceProcess.launch("crash-0", environment));
            replicas.get(0).awaitReady(START_TIMEOUT); // the first one migrates alone
            readySince[0] = System.nanoTime();
            for (int i = 1; i < REPLICAS; i++) {
                replicas.add(ServiceProcess.launch("crash-" + i, environment));
            }
            for (int r = 1; r < REPLICAS; r++) {
                replicas.get(r).awaitReady(START_TIMEOUT);
                readySince[r] = System.nanoTime();
            }

            // when 300 jobs arrive at once and one replica dies every 2-3 s
            long started = System.nanoTime();
            Jdbc.execute(database, """
                    INSERT INTO job_outbox (idempotency_key, job_type, payload, max_attempts)
                    SELECT 'crash:' || i, 'probe', '{"workMillis": 150}'::jsonb, 10
                    FROM generate_series(0, %d) AS i""".formatted(JOBS - 1), "SELECT pg_notify('job_outbox', 'probe')");
            long deadline = started + DRAIN_DEADLINE.toNanos();
            // the first kill comes as soon as a replica has been up for MIN_UPTIME (the first one usually has), not
            // after an interval: the jobs are 7.5 s of handler time at the least on any machine, so it lands while
            // they run unless one round of this loop takes seconds; later kills are paced 2-3 s apart
            long nextKill = started;
            int kill = 0;
            while (finished(database) < JOBS && System.nanoTime() < deadline) {
                // only a replica that has been up for a while may die, and only while another one is ready: a restart
                // takes longer than the kill interval (11-15 s with three JVMs starting on two cores, 40 s and more
                // when the machine is shared), and killing whatever turns ready would leave no one to drain the queue
                // for that long; this tests crashes, not a dead cluster, and keeps the drain's time bounded by its
                // work rather than by how fast replicas restart
                List<Integer> settled = new ArrayList<>();
                int ready = 0;
                for (int r = 0; r < REPLICAS; r++) {
                    if (replicas.get(r).status("/q/health/ready").orElse(0) != 200) {
                        readySince[r] = 0;
                        continue;
                    }
                    ready++;
                    if (readySince[r] == 0) {
                        readySince[r] = System.nanoTime();
                    } else if (System.nanoTime() - readySince[r] >= MIN_UPTIME.toNanos()) {
                        settled.add(r);
                    }
                }
                if (System.nanoTime() >= nextKill && !settled.isEmpty() && ready >= 2) {
                    int victim = settled.get(random.nextInt(settled.size()));
                    ServiceProcess dying = replicas.get(victim);
                    System.out.printf(
                            "OutboxCrashIT: +%d ms kill -9 replica %d (pid %d), %d jobs finished%n",
                            millisSince(started), victim, dying.pid(), finished(database));
                    dying.kill();
                    kills++;
                    kill++;
                    replicas.set(victim, ServiceProcess.launch("crash-" + victim + "-restart-" + kill, environment));
                    readySince[victim] = 0;
                    nextKill = System.nanoTime() + killInterval(random);
                }
                Thread.sleep(100);
            }
            long elapsed = millisSince(started);

            // then
            Map<String, Long> figures = figures(database);
            System.out.printf(
                    "OutboxCrashIT: %d jobs, %d replicas, elapsed %d ms, kills %d, total attempts %d,"
                            + " jobs with attempts > 1: %d, max attempts %d%n",
                    JOBS,
                    REPLICAS,
                    elapsed,
                    kills,
                    figures.get("attempts"),
                    figures.get("retried"),
                    figures.get("max_attempts"));
            assertThat(figures.get("completed")).as("completed jobs").isEqualTo(JOBS);
            assertThat(figures.get("processing")).as("jobs still processing").isZero();
            assertThat(figures.get("failed")).as("failed jobs").isZero();
            assertThat(figures.get("pending")).as("jobs still pending").isZero();
            assertThat(figures.get("effects")).as("probe effects").isEqualTo(JOBS);
            assertThat(figures.get("effects_of_final_attempt"))
                    .as("effects written by the attempt that completed the job")
                    .isEqualTo(JOBS);
            assertThat(figures.get("attempts")).as("total attempts").isGreaterThanOrEqualTo(JOBS);
            assertThat(kills).as("replicas killed while jobs ran").isPositive();
        } finally {
            replicas.forEach(ServiceProcess::kill);
        }
    }

    private static Map<String, String> environment(DatabaseTarget database) {
        return Map.of(
                "DB_URL", database.reactiveUrl(),
                "DB_USER", database.user(),
                "DB_PASSWORD", database.password(),
                "APP_OUTBOX_CONCURRENCY", "2",
                "APP_OUTBOX_STALE_AFTER", "3s",
                "APP_OUTBOX_HEARTBEAT_INTERVAL", "1s",
                "APP_OUTBOX_REAPER_INTERVAL", "1s",
                "APP_OUTBOX_POLL_INTERVAL", "1s");
    }

    private static long killInterval(Random random) {
        return Duration.ofMillis(2_000 + random.nextInt(1_000)).toNanos();
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    private static long finished(DatabaseTarget database) throws SQLException {
        try (Connection connection = Jdbc.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM job_outbox WHERE status IN ('completed', 'failed')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, Long> figures(DatabaseTarget database) throws SQLException {
        try (Connection connection = Jdbc.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT count(*) FILTER (WHERE status = 'completed') AS completed,
                               count(*) FILTER (WHERE status = 'processing') AS processing,
                               count(*) FILTER (WHERE status = 'pending') AS pending,
                               count(*) FILTER (WHERE status = 'failed') AS failed,
                               coalesce(sum(attempts), 0) AS attempts,
                               count(*) FILTER (WHERE attempts > 1) AS retried,
                               coalesce(max(attempts), 0) AS max_attempts,
                               (SELECT count(*) FROM outbox_probe_effects) AS effects,
                               (SELECT count(*) FROM outbox_probe_effects AS effect
                                JOIN job_outbox AS job USING (idempotency_key)
                                WHERE effect.attempt = job.attempts) AS effects_of_final_attempt
                        FROM job_outbox WHERE job_type = 'probe'""")) {
            rows.next();
            Map<String, Long> figures = new java.util.HashMap<>();
            for (String column : List.of(
                    "completed",
                    "processing",
                    "pending",
                    "failed",
                    "attempts",
                    "retried",
                    "max_attempts",
                    "effects",
                    "effects_of_final_attempt")) {
                figures.put(column, rows.getLong(column));
            }
            return figures;
        }
    }
}
