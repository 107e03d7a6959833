package dev.vcportfolio.core.model;

/**
 * One (sector, stage) cell of a fund: what a single deal in it costs.
 *
 * @param sector free sector name, 1-64 characters, no {@code |}
 * @param stage entry round of the bucket's deals
 * @param initialCheck first cheque per deal, fund currency units, finite and &gt; 0
 * @param reserveRatio follow-on reserve per deal as a multiple of the initial cheque, finite and &ge; 0
 */
public record BucketSpec(String sector, Stage stage, double initialCheck, double reserveRatio) {

    public static final int MAX_SECTOR_LENGTH = 64;

    public BucketSpec {
        if (sector == null || sector.isEmpty() || sector.length() > MAX_SECTOR_LENGTH || sector.indexOf('|') >= 0) {
            throw new IllegalArgumentException(
                    "sector must be 1-" + MAX_SECTOR_LENGTH + " characters without '|': " + sector);
        }
        if (stage == null) {
            throw new IllegalArgumentException("stage is required");
        }
        if (!(Double.isFinite(initialCheck) && initialCheck > 0)) {
            throw new IllegalArgumentException("initialCheck must be finite and > 0: " + initialCheck);
        }
        if (!(Double.isFinite(reserveRatio) && reserveRatio >= 0)) {
            throw new IllegalArgumentException("reserveRatio must be finite and >= 0: " + reserveRatio);
        }
    }

    /** The bucket key {@code sector|stage}; keys sort buckets into canonical order. */
    public String key() {
        return key(sector, stage);
    }

    public static String key(String sector, Stage stage) {
        return sector + "|" + stage.name();
    }

    /**
     * The distinct sectors of bucket or row keys ({@code sector|stage} or {@code sector|stage|option}; a sector never
     * holds {@code |}).
     */
    public static java.util.Set<String> sectorsOf(java.util.Collection<String> keys) {
        var sectors = new java.util.TreeSet<String>();
        keys.forEach(key -> sectors.add(key.substring(0, key.indexOf('|'))));
        return sectors;
    }

    /** All-in cost of one deal: the initial cheque plus its reserve. */
    public double allInCost() {
        return initialCheck * (1 + reserveRatio);
    }
}
