package dev.vcportfolio.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One session in a fund's list (DESIGN 16): what it is called, where it is, and its headline figures once it has them.
 * Figures a session does not have (yet) are null: every metric before the optimization stored an answer, and
 * {@code netTvpi} for matrices without cash flows (one-period model, uploaded).
 *
 * @param name the name the request gave, trimmed; null when it gave none
 * @param status as in the status view ({@code REQUESTED} ... {@code COMPLETED}, {@code FAILED}, {@code CANCELLED})
 * @param matrixKey null for a session that failed before it had a matrix
 * @param fundSize in fund currency units
 * @param maxLossProbability the loss-probability limit the session ran with (1: none asked), a fraction
 * @param expectedMoic in-sample E[M] of the allocation, from the optimization on
 * @param lossProbability in-sample probability that the portfolio returns less than it cost, a fraction
 * @param cvar in-sample CVaR of the loss at the session's confidence, a fraction of the fund
 * @param netTvpi in-sample mean net TVPI to the LPs, net of fees and carry (DESIGN 14), once COMPLETED
 * @param validatedExpectedMoic out-of-sample E[M] of the allocation, once COMPLETED
 */
@RegisterForReflection
public record SessionSummary(
        UUID sessionId,
        String name,
        String status,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt,
        String matrixKey,
        Double fundSize,
        Double maxLossProbability,
        Double expectedMoic,
        Double lossProbability,
        Double cvar,
        Double netTvpi,
        Double validatedExpectedMoic) {}
