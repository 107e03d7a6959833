package dev.vcportfolio.matrix;

import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.scenario.FundTimeline;

/** A round-by-round matrix's cash flows per allocated dollar and the fund timeline they run on (DESIGN 13, 14). */
public record FundFlows(CashflowMatrix cashflows, FundTimeline timeline) {}
