package dev.vcportfolio.matrix;

import dev.vcportfolio.core.codec.MatrixEncoder;
import dev.vcportfolio.core.key.ClientBucket;
import dev.vcportfolio.core.key.ClientMatrix;
import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.MoicMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a validated upload into the row to store: canonical order, key, encoded values, bucket parameters. CPU work. */
final class ClientMatrixPreparation {

    /** {@code sim_model_version} of matrices the client brings. */
    static final String SOURCE = "client";

    /** A deal that returns at least this multiple is a winner. */
    static final float WINNER_MOIC = 10f;

    private ClientMatrixPreparation() {}

    static NewMatrix prepare(MatrixUpload upload) {
        ClientMatrix canonical = ClientMatrix.canonical(
                upload.fundId(), upload.matrixType(), upload.buckets(), upload.scenarioCount(), upload.values());
        MoicMatrix matrix = canonical.matrix();
        return new NewMatrix(
                canonical.key(),
                upload.fundId(),
                upload.matrixType(),
                SOURCE,
                Optional.empty(),
                matrix.bucketKeys(),
                matrix.scenarioCount(),
                MatrixEncoder.encode(matrix.values()),
                bucketParams(canonical),
                List.of(),
                Optional.empty());
    }

    private static List<BucketParams> bucketParams(ClientMatrix canonical) {
        MoicMatrix matrix = canonical.matrix();
        List<BucketParams> params = new ArrayList<>();
        for (int b = 0; b < matrix.bucketCount(); b++) {
            ClientBucket bucket = canonical.buckets().get(b);
            BucketSpec spec = bucket.spec();
            double sum = 0;
            int winners = 0;
            int zeros = 0;
            for (int s = 0; s < matrix.scenarioCount(); s++) {
                float value = matrix.value(b, s);
                sum += value;
                winners += value >= WINNER_MOIC ? 1 : 0;
                zeros += value == 0f ? 1 : 0;
            }
            double cells = matrix.scenarioCount();
            boolean given = bucket.pWin().isPresent();
            params.add(new BucketParams(
                    spec.key(),
                    spec.sector(),
                    spec.stage(),
                    spec.initialCheck(),
                    spec.reserveRatio(),
                    spec.allInCost(),
                    given ? bucket.pWin().getAsDouble() : winners / cells,
                    given ? "client" : "cells",
                    null,
                    sum / cells,
                    zeros / cells,
                    null));
        }
        return params;
    }
}
