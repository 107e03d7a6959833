package dev.vcportfolio.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Blocking helpers for test set-up and assertions through the service's own reactive pool. */
public final class Sql {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Sql() {}

    public static RowSet<Row> run(Pool pool, String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(TIMEOUT);
    }

    public static long count(Pool pool, String table) {
        return run(pool, "SELECT count(*) AS n FROM " + table).iterator().next().getLong("n");
    }

    public static long scalarLong(Pool pool, String sql, Object... parameters) {
        return run(pool, sql, parameters).iterator().next().getLong(0);
    }

    public static List<String> column(Pool pool, String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        run(pool, sql, parameters).forEach(row -> values.add(String.valueOf(row.getValue(0))));
        return values;
    }
}
