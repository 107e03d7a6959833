package dev.vcportfolio.core.scenario;

/**
 * When and how much a fund follows on in a company it holds (DESIGN 13). Every cheque is bounded by what is left of
 * the deal's reserve budget ({@code reserveRatio x initialCheck}); what is left of it funds a partial cheque.
 *
 * @param mode {@link FollowOnMode#proRata} or {@link FollowOnMode#fixed}
 * @param multiple the cheque per supported round as a multiple of the initial cheque: finite and &gt; 0 for {@code
 *     fixed}, 0 for {@code proRata}
 * @param participation probability of following on in a round the policy supports, in [0, 1]
 * @param rounds how many rounds after entry the policy supports, in [0, {@value #EVERY_ROUND}] ({@value #EVERY_ROUND}:
 *     every round, as a calibration never allows more)
 */
public record FollowOnPolicy(FollowOnMode mode, double multiple, double participation, int rounds) {

    public static final int EVERY_ROUND = Calibration.MAX_ROUNDS;

    /** The default: pro rata in every round, always. */
    public static final FollowOnPolicy PRO_RATA = new FollowOnPolicy(FollowOnMode.proRata, 0, 1, EVERY_ROUND);

    public FollowOnPolicy {
        if (mode == null) {
            throw new IllegalArgumentException("a follow-on mode is required");
        }
        if (mode == FollowOnMode.fixed && !(Double.isFinite(multiple) && multiple > 0)) {
            throw new IllegalArgumentException("a fixed follow-on needs a finite multiple > 0: " + multiple);
        }
        if (mode == FollowOnMode.proRata && multiple != 0) {
            throw new IllegalArgumentException("a pro-rata follow-on takes no multiple: " + multiple);
        }
        if (!(participation >= 0 && participation <= 1)) {
            throw new IllegalArgumentException("participation must lie in [0, 1]: " + participation);
        }
        if (rounds < 0 || rounds > EVERY_ROUND) {
            throw new IllegalArgumentException("rounds must lie in [0, " + EVERY_ROUND + "]: " + rounds);
        }
    }
}
