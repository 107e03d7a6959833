package dev.vcportfolio.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vcportfolio.support.Jdbc;
import dev.vcportfolio.support.Sql;
import dev.vcportfolio.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Simultaneous writers of one matrix leave one row; reads record access without ever waiting on a row lock. */
@QuarkusTest
class MatrixConcurrencyTest {

    private static final int WRITERS = 8;

    /**
     * Generous: a read takes milliseconds. A read that waited for the row lock would wait for ever (the lock is let go
     * only after the read returns), so this bound only turns that wait into a failure.
     */
    private static final Duration ANSWERED = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Test
    void eight_simultaneous_writers_of_the_same_content_leave_one_row_and_one_201() throws Exception {
        // given
        Object body = MatrixFixtures.body(MatrixFixtures.BUCKETS, MatrixFixtures.rows(11, 3, 2_000));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();

        // when all eight post at once
        try (ExecutorService clients = Executors.newFixedThreadPool(WRITERS)) {
            for (int i = 0; i < WRITERS; i++) {
                responses.add(clients.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body(body).post("/api/matrices");
                }));
            }
            start.countDown();
        }

        // then
        List<Integer> statuses = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Future<Response> response : responses) {
            statuses.add(response.get().statusCode());
            keys.add(response.get().jsonPath().getString("matrixKey"));
        }
        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(keys).containsOnly(keys.getFirst());
        assertThat(Sql.scalarLong(
                        pool, "SELECT count(*) FROM scenario_matrices WHERE matrix_key = $1", keys.getFirst()))
                .isEqualTo(1);
    }

    @Test
    void a_read_records_its_access_time() {
        // given a matrix last read a day ago
        String key = upload(12);
        Sql.run(
                pool,
                "UPDATE scenario_matrices SET last_accessed_at = now() - interval '1 day' WHERE matrix_key = $1",
                key);
        OffsetDateTime before = lastAccessed(key);

        // when
        given().accept(ContentType.BINARY)
                .get("/api/matrices/" + key + "/moic")
                .then()
                .statusCode(200);

        // then
        assertThat(lastAccessed(key)).isAfter(before.plusHours(23));
    }

    @Test
    void a_read_is_not_blocked_by_a_lock_on_the_row() throws Exception {
        // given a matrix last read a day ago, whose row another transaction holds locked
        String key = upload(13);
        Sql.run(
                pool,
                "UPDATE scenario_matrices SET last_accessed_at = now() - interval '1 day' WHERE matrix_key = $1",
                key);
        OffsetDateTime before = lastAccessed(key);
        try (Connection locker = Jdbc.connect(TestDatabase.target())) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock =
                    locker.prepareStatement("SELECT id FROM scenario_matrices WHERE matrix_key = ? FOR UPDATE")) {
                lock.setString(1, key);
                lock.executeQuery().close();
            }

            // when
            byte[] values = assertTimeoutPreemptively(
                    ANSWERED,
                    () -> given().accept(ContentType.BINARY)
                            .get("/api/matrices/" + key + "/moic")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asByteArray(),
                    "a read of the locked matrix");

            // then the read completed while the lock was held, before the rollback below, and skipped the touch
            assertThat(values).hasSize(3 * 100 * Float.BYTES);
            assertThat(lastAccessed(key)).isEqualTo(before);
            locker.rollback();
        }
    }

    private String upload(long seed) {
        return given().contentType(ContentType.JSON)
                .body(MatrixFixtures.body(MatrixFixtures.BUCKETS, MatrixFixtures.rows(seed, 3, 100)))
                .post("/api/matrices")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("matrixKey");
    }

    private OffsetDateTime lastAccessed(String key) {
        return Sql.run(pool, "SELECT last_accessed_at FROM scenario_matrices WHERE matrix_key = $1", key)
                .iterator()
                .next()
                .getOffsetDateTime(0);
    }
}
