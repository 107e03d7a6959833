package dev.vcportfolio.core.scenario;

/**
 * How the company paths' rounds at one stage ended, across a whole generation (recycled paths included). The
 * empirical transition rates {@code exits / rounds()} etc. estimate the calibrated chain.
 *
 * @param exits rounds that ended in an exit at this stage
 * @param graduations rounds that ended in the next round being raised (at Series C: an exit at C)
 * @param failures rounds that ended in failure
 * @param stays rounds after which the company stayed at this stage
 */
public record StageTally(long exits, long graduations, long failures, long stays) {

    public long rounds() {
        return exits + graduations + failures + stays;
    }
}
