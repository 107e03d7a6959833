package dev.vcportfolio.matrix;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What else must happen when a generated matrix completes or fails, in the same transaction: the sessions waiting on
 * it advance or fail with it. Implemented by the sessions feature so this package does not depend on it.
 */
public interface MatrixLifecycle {

    Uni<Void> completed(SqlConnection transaction, String matrixKey);

    Uni<Void> failed(SqlConnection transaction, String matrixKey, String reason);
}
