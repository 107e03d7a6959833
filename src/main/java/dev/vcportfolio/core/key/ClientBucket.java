package dev.vcportfolio.core.key;

import dev.vcportfolio.core.model.BucketSpec;
import java.util.OptionalDouble;

/**
 * A bucket of a matrix the client brings: its definition and, optionally, its per-deal probability of a 10x winner
 * (else derived from the matrix's cells).
 *
 * @param spec sector, stage and deal cost
 * @param pWin share of deals returning at least 10x, in [0, 1], when the client knows it
 */
public record ClientBucket(BucketSpec spec, OptionalDouble pWin) {

    public ClientBucket {
        if (spec == null || pWin == null) {
            throw new IllegalArgumentException("spec and pWin (possibly empty) are required");
        }
        if (pWin.isPresent() && !(pWin.getAsDouble() >= 0 && pWin.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("pWin must lie in [0, 1]: " + pWin.getAsDouble());
        }
    }
}
