package dev.vcportfolio.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What a finished job writes, run on the completing transaction's connection together with the job's own
 * {@code completed} update: the effect and the completion commit together or not at all.
 */
@FunctionalInterface
public interface JobEffect {

    JobEffect NONE = transaction -> Uni.createFrom().voidItem();

    Uni<Void> apply(SqlConnection transaction);
}
