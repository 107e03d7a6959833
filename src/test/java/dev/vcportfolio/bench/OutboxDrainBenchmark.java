package dev.vcportfolio.bench;

import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.support.Jdbc;
import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * How fast the packaged service drains the outbox, on 1 and on 3 replicas, for several worker concurrencies
 * ({@code APP_OUTBOX_CONCURRENCY}). Each configuration gets a fresh database on the test server (embedded PostgreSQL,
 * or the server named by {@code DB_URL}):
 *
 * <ol>
 *   <li>drain: N no-op probe jobs inserted in one statement, one {@code pg_notify}, timed from the insert's commit to
 *       the last job's {@code completed_at};
 *   <li>latency: jobs enqueued one by one at a steady rate with the service's ENQUEUE statement (insert + notify),
 *       reporting p50/p99 of {@code outbox_probe_effects.recorded_at - job_outbox.created_at}.
 * </ol>
 *
 * <pre>
 * bench/run OutboxDrainBenchmark [--jobs 20000] [--warmup 2000] [--replicas 1,3] [--concurrency 2,8,32]
 *                                [--rate 200] [--seconds 5] [--pool 20] [--async-commit false]
 * </pre>
 *
 * <p>Before the timed drain, {@code --warmup} jobs are drained untimed on the same replicas (JIT warm-up). {@code
 * --pool} sets {@code DB_POOL_SIZE}; {@code --async-commit true} sets {@code synchronous_commit = off} on the fresh
 * database only, to show how much of the cost is the WAL flush of each commit.
 */
public final class OutboxDrainBenchmark {

    /** The service's OutboxSql.ENQUEUE, with JDBC placeholders. */
    private static final String ENQUEUE = """
            WITH inserted AS (
                INSERT INTO job_outbox (idempotency_key, job_type, payload, priority, max_attempts)
                VALUES (?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id, job_type
            )
            SELECT id, pg_notify('job_outbox', job_type) IS NOT NULL AS notified FROM inserted""";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(300);

    private OutboxDrainBenchmark() {}

    record Result(
            int replicas,
            int concurrency,
            int jobs,
            double drainSeconds,
            double jobsPerSecond,
            int latencyJobs,
            double p50,
            double p99,
            double max,
            Cpu cpu) {}

    /**
     * CPU spent during the timed drain, in microseconds per job: by the service process(es), by PostgreSQL (the
     * server's processes: postmaster and its children, found through this benchmark's backend, so only a server on
     * this machine), and by the whole machine (anything running, other people's builds included); from {@code /proc},
     * NaN where it is missing. Unlike jobs/s, the first two hardly depend on how busy the machine is.
     */
    record Cpu(double serviceMicrosPerJob, double databaseMicrosPerJob, double machineMicrosPerJob) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int jobs = Integer.parseInt(options.getOrDefault("jobs", "20000"));
        int[] replicaCounts = ints(options.getOrDefault("replicas", "1,3"));
        int[] concurrencies = ints(options.getOrDefault("concurrency", "2,8,32"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "5"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2000"));
        String pool = options.get("pool");
        boolean asyncCommit = Boolean.parseBoolean(options.getOrDefault("async-commit", "false"));
        if (!Files.exists(Path.of("target/quarkus-app/quarkus-run.jar"))) {
            throw new IllegalStateException("package the service first: bench/run packages it");
        }
        System.out.printf(
                "OutboxDrainBenchmark: %d no-op jobs per drain after %d warm-up jobs, latency %d jobs/s for %d s,"
                        + " DB_POOL_SIZE %s, synchronous_commit %s, %d cores, load %s%n",
                jobs,
                warmup,
                rate,
                seconds,
                pool == null ? "default (20)" : pool,
                asyncCommit ? "off" : "on",
                Runtime.getRuntime().availableProcessors(),
                load());
        TestDatabase.start();
        List<Result> results = new ArrayList<>();
        try {
            for (int replicas : replicaCounts) {
                for (int concurrency : concurrencies) {
                    Result result = run(replicas, concurrency, pool, asyncCommit, warmup, jobs, rate, seconds);
                    results.add(result);
                    System.out.printf(
                            "  %d replica(s), concurrency %d: drained %d in %.2f s = %.0f jobs/s; CPU per job: service"
                                    + " %.0f µs, PostgreSQL %.0f µs, machine %.0f µs; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d"
                                    + " jobs); load %s%n",
                            replicas,
                            concurrency,
                            jobs,
                            result.drainSeconds(),
                            result.jobsPerSecond(),
                            result.cpu().serviceMicrosPerJob(),
                            result.cpu().databaseMicrosPerJob(),
                            result.cpu().machineMicrosPerJob(),
                            result.p50(),
                            result.p99(),
                            result.max(),
                            result.latencyJobs(),
                            load());
                }
            }
        } finally {
            TestDatabase.stop();
        }
        System.out.println();
        System.out.println("| replicas | concurrency | drain " + jobs
                + " jobs | jobs/s | CPU µs/job: service | PostgreSQL | machine | latency p50 | latency p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(
                    "| %d | %d | %.2f s | %.0f | %.0f | %.0f | %.0f | %.1f ms | %.1f ms |%n",
                    r.replicas(),
                    r.concurrency(),
                    r.drainSeconds(),
                    r.jobsPerSecond(),
                    r.cpu().serviceMicrosPerJob(),
                    r.cpu().databaseMicrosPerJob(),
                    r.cpu().machineMicrosPerJob(),
                    r.p50(),
                    r.p99());
        }
        for (int replicas : replicaCounts) {
            results.stream()
                    .filter(r -> r.replicas() == replicas)
                    .max(Comparator.comparingDouble(Result::jobsPerSecond))
                    .ifPresent(best -> System.out.printf(
                            "best with %d replica(s): APP_OUTBOX_CONCURRENCY=%d, %.0f jobs/s%n",
                            replicas, best.concurrency(), best.jobsPerSecond()));
        }
    }

    private static Result run(
            int replicas,
            int concurrency,
            String pool,
            boolean asyncCommit,
            int warmup,
            int jobs,
            int rate,
            int seconds)
            throws Exception {
        DatabaseTarget database = TestDatabase.createDatabase("outbox_bench");
        if (asyncCommit) {
            Jdbc.execute(database, "ALTER DATABASE " + database.database() + " SET synchronous_commit = off");
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("DB_URL", database.reactiveUrl());
        environment.put("DB_USER", database.user());
        environment.put("DB_PASSWORD", database.password());
        environment.put("APP_OUTBOX_CONCURRENCY", Integer.toString(concurrency));
        if (pool != null) {
            environment.put("DB_POOL_SIZE", pool);
        }
        List<ServiceProcess> services = new ArrayList<>();
        try {
            services.add(ServiceProcess.launch("outbox-bench-0", environment));
            services.get(0).awaitReady(START_TIMEOUT);
            for (int i = 1; i < replicas; i++) {
                services.add(ServiceProcess.launch("outbox-bench-" + i, environment));
            }
            for (ServiceProcess service : services) {
                service.awaitReady(START_TIMEOUT);
            }
            try (Connection connection = Jdbc.connect(database)) {
                if (warmup > 0) {
                    drain(connection, "warmup", warmup);
                }
                long postmaster = postmaster(connection);
                long serviceBefore = serviceTicks(services);
                Map<Long, Long> databaseBefore = databaseTicks(postmaster);
                long machineBefore = machineBusyTicks();
                double drain = drain(connection, "drain", jobs);
                Cpu cpu = new Cpu(
                        perJob(serviceTicks(services) - serviceBefore, jobs),
                        perJob(growth(databaseBefore, databaseTicks(postmaster)), jobs),
                        perJob(machineBusyTicks() - machineBefore, jobs));
                double[] latency = latency(connection, rate, seconds);
                return new Result(
                        replicas,
                        concurrency,
                        jobs,
                        drain,
                        jobs / drain,
                        (int) latency[3],
                        latency[0],
                        latency[1],
                        latency[2],
                        cpu);
            }
        } finally {
            services.forEach(ServiceProcess::kill);
            drop(database);
        }
    }

    /** Seconds from the bulk insert's commit to the last completion. */
    private static double drain(Connection connection, String prefix, int jobs)
            throws SQLException, InterruptedException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO job_outbox (idempotency_key, job_type, payload, max_attempts)
                    SELECT '%s:' || i, 'probe', '{}'::jsonb, 3 FROM generate_series(1, %d) AS i""".formatted(prefix, jobs));
            double committed = single(statement, "SELECT extract(epoch FROM clock_timestamp())");
            statement.execute("SELECT pg_notify('job_outbox', 'probe')");
            awaitCompleted(statement, prefix + ":%", jobs);
            double last = single(
                    statement,
                    "SELECT extract(epoch FROM max(completed_at)) FROM job_outbox WHERE idempotency_key LIKE '" + prefix
                            + ":%'");
            return last - committed;
        }
    }

    /** Enqueues one job at a time at the rate; returns p50, p99, max (ms) and the job count. */
    private static double[] latency(Connection connection, int rate, int seconds)
            throws SQLException, InterruptedException {
        int count = rate * seconds;
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (PreparedStatement enqueue = connection.prepareStatement(ENQUEUE)) {
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                enqueue.setString(1, "latency:" + i);
                enqueue.setString(2, "probe");
                enqueue.setString(3, "{}");
                enqueue.setInt(4, 0);
                enqueue.setInt(5, 3);
                try (ResultSet inserted = enqueue.executeQuery()) {
                    if (!inserted.next()) {
                        throw new IllegalStateException("job latency:" + i + " was not inserted");
                    }
                }
            }
        }
        double achieved = count / (Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0);
        try (Statement statement = connection.createStatement()) {
            awaitCompleted(statement, "latency:%", count);
            try (ResultSet rows = statement.executeQuery("""
                    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms),
                           percentile_cont(0.99) WITHIN GROUP (ORDER BY ms),
                           max(ms), count(*)
                    FROM (SELECT extract(epoch FROM effect.recorded_at - job.created_at) * 1000 AS ms
                          FROM outbox_probe_effects AS effect
                          JOIN job_outbox AS job USING (idempotency_key)
                          WHERE job.idempotency_key LIKE 'latency:%') AS latencies""")) {
                rows.next();
                if (achieved < rate * 0.95) {
                    System.out.printf("  (enqueue reached only %.0f jobs/s of %d)%n", achieved, rate);
                }
                return new double[] {rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getLong(4)};
            }
        }
    }

    /**
     * Polls for unfinished jobs through the partial indexes of pending and processing rows, so the poll costs the
     * server little while it drains (counting completed rows re-read every finished row ten times a second); then
     * checks the completed jobs and their effects once.
     */
    private static void awaitCompleted(Statement statement, String keys, int expected)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        String like = keys.replace("'", "");
        // one count per status: `status IN (...)` cannot use either partial index and scans the table
        String unfinished = """
                SELECT (SELECT count(*) FROM job_outbox WHERE status = 'pending' AND idempotency_key LIKE '%1$s')
                     + (SELECT count(*) FROM job_outbox WHERE status = 'processing' AND idempotency_key LIKE '%1$s')""".formatted(like);
        while (single(statement, unfinished) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        (long) single(statement, unfinished) + " of " + expected + " jobs still unfinished");
            }
            Thread.sleep(100);
        }
        long done = (long) single(
                statement,
                "SELECT count(*) FROM job_outbox WHERE status = 'completed' AND idempotency_key LIKE '" + like + "'");
        long effects = (long) single(
                statement, "SELECT count(*) FROM outbox_probe_effects WHERE idempotency_key LIKE '" + like + "'");
        if (done != expected || effects != expected) {
            throw new IllegalStateException(
                    done + " jobs completed and " + effects + " effects for " + expected + " jobs");
        }
    }

    private static double single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getDouble(1);
        }
    }

    private static void drop(DatabaseTarget database) {
        DatabaseTarget admin = new DatabaseTarget(
                database.host(), database.port(), "postgres", database.user(), database.password(), "admin");
        try {
            Jdbc.execute(admin, "DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)");
        } catch (IllegalStateException e) {
            System.out.println("  (could not drop " + database.database() + ": " + e.getMessage() + ")");
        }
    }

    /** Clock ticks (USER_HZ, 100 on Linux) of user + system time of the service processes; -1 without /proc. */
    private static long serviceTicks(List<ServiceProcess> services) {
        long ticks = 0;
        for (ServiceProcess service : services) {
            String[] fields = stat(service.pid());
            if (fields.length == 0) {
                return -1;
            }
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks;
    }

    /** The PostgreSQL server's main process: the parent of this connection's backend; -1 when not on this machine. */
    private static long postmaster(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String[] fields = stat((long) single(statement, "SELECT pg_backend_pid()"));
            return fields.length == 0 ? -1 : Long.parseLong(fields[1]);
        }
    }

    /** Ticks per process of the server and its children (backends, WAL writer, ...); empty without /proc. */
    private static Map<Long, Long> databaseTicks(long postmaster) {
        Map<Long, Long> ticks = new HashMap<>();
        if (postmaster < 0) {
            return ticks;
        }
        try (var processes = Files.list(Path.of("/proc"))) {
            processes
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        long pid = Long.parseLong(name);
                        String[] fields = stat(pid);
                        if (fields.length > 0 && (pid == postmaster || Long.parseLong(fields[1]) == postmaster)) {
                            ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                        }
                    });
        } catch (Exception e) {
            ticks.clear();
        }
        return ticks;
    }

    /** Ticks the processes used between two snapshots (a process that started meanwhile counts from zero). */
    private static long growth(Map<Long, Long> before, Map<Long, Long> after) {
        if (after.isEmpty()) {
            return -1;
        }
        return after.entrySet().stream()
                .mapToLong(entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0L))
                .sum();
    }

    /** The fields of /proc/pid/stat after the command name (state first); empty when unreadable. */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name is in parentheses and may contain spaces
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (Exception e) {
            return new String[0];
        }
    }

    /** Busy clock ticks of all cores (everything but idle and iowait) from /proc/stat; -1 without /proc. */
    private static long machineBusyTicks() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (Exception e) {
            return -1;
        }
    }

    private static double perJob(long ticks, int jobs) {
        return ticks < 0 ? Double.NaN : ticks * 10_000.0 / jobs;
    }

    private static String load() {
        try {
            return String.join(
                    " ",
                    Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
