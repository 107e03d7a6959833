package dev.vcportfolio.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a finished job writes, run on the completing transaction's connection together with the job's own
 * {@code completed} update: the effect and the completion commit together or not at all.
 *
 * <p>Several finished jobs may share one completing transaction; each job's effect is applied only if that job's lease
 * still holds. Effects of different jobs in one transaction must not depend on each other or on their order (they
 * belong to different jobs, so they should not). An effect that is a single statement should be a {@link Statement}
 * ({@link #statement}): the worker sends the statements of a batch that share their SQL in one round trip.
 */
@FunctionalInterface
public interface JobEffect {

    JobEffect NONE = transaction -> Uni.createFrom().voidItem();

    Uni<Void> apply(SqlConnection transaction);

    /** An effect that is one prepared statement ({@code $n} placeholders) with these parameters. */
    static JobEffect statement(String sql, Tuple parameters) {
        return new Statement(sql, parameters);
    }

    /** One prepared statement; batched with the same statement of other jobs in the completing transaction. */
    record Statement(String sql, Tuple parameters) implements JobEffect {

        @Override
        public Uni<Void> apply(SqlConnection transaction) {
            return transaction.preparedQuery(sql).execute(parameters).replaceWithVoid();
        }
    }
}
