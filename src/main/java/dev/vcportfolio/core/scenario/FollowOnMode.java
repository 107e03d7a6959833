package dev.vcportfolio.core.scenario;

import java.util.Optional;

/**
 * How a fund sizes a follow-on cheque (DESIGN 13). Spelled as on the wire.
 *
 * <ul>
 *   <li>{@code proRata}: buy the round's new shares in proportion to the stake held, keeping the ownership;
 *   <li>{@code fixed}: a fixed multiple of the initial cheque per supported round.
 * </ul>
 */
public enum FollowOnMode {
    proRata,
    fixed;

    /** Parses a wire spelling; empty for anything unknown (case-sensitive). */
    public static Optional<FollowOnMode> parse(String label) {
        for (FollowOnMode mode : values()) {
            if (mode.name().equals(label)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
