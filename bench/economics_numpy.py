#!/usr/bin/env python3
"""A vectorized NumPy implementation of the fund economics of DESIGN 14 (core/economics), the reference that
FundEconomicsBenchmark checks the Java FundEconomics.of against and times it beside (bench/run FundEconomicsBenchmark).

Written from the model, not ported loop for loop: every scenario is one element of the state arrays, and the loops run
over rows, years, grid points and bisection steps. Reads the cash flows per allocated dollar (float32 little-endian,
[row][scenario][year], the NAV last) and a JSON spec (weights, commitments, terms, timeline); writes the metrics as JSON
in FundMetrics' shape and prints `seconds_best=` and `seconds_median=` (wall clock), `seconds_cpu_best=` and
`seconds_cpu_median=` (this thread's CPU time) over the repeats, file IO excluded. Single-threaded, like NumPy's
element-wise kernels.

    python3 bench/economics_numpy.py --flows F.bin --spec S.json --out M.json [--repeats 7]
"""
import argparse
import json
import time

import numpy as np

GRID_LOW, GRID_HIGH = -14, 14  # discount factors x = 1 / (1 + r) scanned: 2^-14 .. 2^14
BISECTION_STEPS = 200  # a bracket [2^k, 2^(k+1)] narrows to adjacent doubles in about 53
QUANTILES = [0.1, 0.5, 0.9]


def fee_schedule(terms, timeline, commitments):
    """Fees for years 0..H; the year the investment period ends in pays each rate for its part."""
    period = float(timeline["investmentPeriodYears"])
    term = float(timeline["termYears"])
    horizon = timeline["termYears"] + timeline["extensionYears"]

    def overlap(y, start, end):
        return max(0.0, min(y + 1.0, end) - max(float(y), start))

    return [
        commitments * (terms["managementFeeRate"] * overlap(y, 0.0, period)
                       + terms["postPeriodFeeRate"] * overlap(y, period, term))
        for y in range(horizon + 1)
    ]


def split(amount, lp, gp, paid_in, terms):
    """What is left after the LPs' capital and preferred return: catch-up zone, then the carry split; (LP, GP)."""
    carry, catch_up = terms["carryRate"], terms["catchUp"]
    to_gp = np.zeros_like(amount)
    left = amount
    if catch_up > carry:
        # the GP's catch-up ends when gp + catchUp x = carry (lp + gp + x - paidIn)
        zone = (carry * (lp + gp - paid_in) - gp) / (catch_up - carry)
        x = np.where(left > 0, np.minimum(left, np.maximum(0.0, zone)), 0.0)
        to_gp = to_gp + catch_up * x
        left = left - x
    to_gp = np.where(left > 0, to_gp + carry * left, to_gp)
    return amount - to_gp, to_gp


def waterfall(calls, proceeds, nav, terms):
    """European waterfall per scenario; returns LP distributions by year, LP terminal value, GP carry kept."""
    scenarios, years = calls.shape
    growth = 1 + terms["hurdleRate"]
    balance = np.zeros(scenarios)  # LP capital plus preferred return still owed; compounds only while positive
    paid_in = np.zeros(scenarios)
    lp = np.zeros(scenarios)
    gp = np.zeros(scenarios)
    distributions = np.empty((scenarios, years))
    for y in range(years):
        balance = np.where(balance > 0, balance * growth, balance) + calls[:, y]
        paid_in = paid_in + calls[:, y]
        to_lp = np.minimum(proceeds[:, y], np.maximum(0.0, balance))
        lp_part, gp_part = split(proceeds[:, y] - to_lp, lp + to_lp, gp, paid_in, terms)
        distributions[:, y] = to_lp + lp_part
        balance = balance - distributions[:, y]
        lp = lp + distributions[:, y]
        gp = gp + gp_part
    # the NAV split as if distributed at the horizon, then the clawback on the whole fund
    nav_to_lp = np.minimum(nav, np.maximum(0.0, balance))
    lp_part, gp_part = split(nav - nav_to_lp, lp + nav_to_lp, gp, paid_in, terms)
    lp_nav = nav_to_lp + lp_part
    balance = balance - lp_nav
    gp = gp + gp_part
    profit = lp + lp_nav + gp - paid_in
    due = np.maximum(0.0, np.minimum(terms["carryRate"] * np.maximum(0.0, profit), gp - np.maximum(0.0, balance)))
    clawback = np.maximum(0.0, gp - due)
    return distributions, lp_nav + clawback, gp - clawback


def npv(flows, x):
    """Horner in the discount factor x (a scalar or one per scenario), year 0 first in flows' columns."""
    total = np.zeros(flows.shape[0])
    for y in range(flows.shape[1] - 1, -1, -1):
        total = total * x + flows[:, y]
    return total


def irr(flows):
    """Per scenario the rate r where NPV(1 / (1 + r)) = 0, NaN when the flows never change sign or no root is on the
    grid: the grid of factors is scanned from low x (high rates) up, the first sign change (or exact zero) bisected."""
    scenarios = flows.shape[0]
    rate = np.full(scenarios, np.nan)
    settled = ~((flows < 0).any(axis=1) & (flows > 0).any(axis=1))
    bracket_lo = np.zeros(scenarios)
    bracket_hi = np.zeros(scenarios)
    bracket_at_lo = np.zeros(scenarios)
    bisect = np.zeros(scenarios, dtype=bool)
    lo = 2.0 ** GRID_LOW
    at_lo = npv(flows, lo)
    for k in range(GRID_LOW + 1, GRID_HIGH + 1):
        hi = 2.0 ** k
        at_hi = npv(flows, hi)
        zero = ~settled & (at_lo == 0)
        rate[zero] = 1 / lo - 1
        settled |= zero
        change = ~settled & (((at_lo < 0) != (at_hi < 0)) | (at_hi == 0))
        bracket_lo[change], bracket_hi[change], bracket_at_lo[change] = lo, hi, at_lo[change]
        bisect |= change
        settled |= change
        lo, at_lo = hi, at_hi
    index = np.flatnonzero(bisect)
    lo, hi, at_lo, sub = bracket_lo[index], bracket_hi[index], bracket_at_lo[index], flows[index]
    root = np.full(index.size, np.nan)
    done = np.zeros(index.size, dtype=bool)
    for _ in range(BISECTION_STEPS):
        mid = 0.5 * (lo + hi)
        # the bracket cannot narrow any more: adjacent doubles
        stop = ~done & ((mid <= lo) | (mid >= hi))
        root[stop] = mid[stop]
        done |= stop
        if done.all():
            break
        at_mid = npv(sub, mid)
        zero = ~done & (at_mid == 0)
        root[zero] = mid[zero]
        done |= zero
        same = (at_mid < 0) == (at_lo < 0)
        move_lo = ~done & same
        lo = np.where(move_lo, mid, lo)
        at_lo = np.where(move_lo, at_mid, at_lo)
        hi = np.where(~done & ~same, mid, hi)
    if not done.all():
        raise RuntimeError("bisection did not converge in %d steps" % BISECTION_STEPS)
    rate[index] = 1 / root - 1
    return rate


def metrics(values, spec):
    """FundMetrics of one allocation; values is the float32 matrix [row][scenario][year]."""
    terms, timeline, commitments = spec["terms"], spec["timeline"], float(spec["commitments"])
    fees = fee_schedule(terms, timeline, commitments)
    total_fees = 0.0
    for fee in fees:  # in year order, like the schedule's own total
        total_fees += fee
    investable = commitments - total_fees
    years = len(fees)  # H + 1; the matrix's last value per cell is the NAV at the horizon
    rows, scenarios, _ = values.shape

    called = np.zeros((scenarios, years))
    proceeds = np.zeros((scenarios, years))
    nav = np.zeros(scenarios)
    for r, weight in enumerate(spec["weights"]):
        dollars = weight * investable
        if dollars == 0:
            continue
        cells = values[r].astype(np.float64)
        flows = dollars * cells[:, :years]
        # a row-year cell is net within itself: negative is an investment called, positive a distribution
        called = called - np.where(flows < 0, flows, 0.0)
        proceeds = proceeds + np.where(flows < 0, 0.0, flows)
        nav = nav + dollars * cells[:, years]

    calls = np.empty((scenarios, years))
    invested = np.zeros(scenarios)
    distributed = np.zeros(scenarios)
    for y in range(years):
        investment = np.minimum(called[:, y], investable - invested)  # never beyond investable capital
        invested = invested + investment
        calls[:, y] = investment + fees[y]
        distributed = distributed + proceeds[:, y]
    gross = np.ones(scenarios)
    np.divide(distributed + nav, invested, out=gross, where=invested > 0)

    distributions, terminal, carry = waterfall(calls, proceeds, nav, terms)
    lp_cumulative = np.cumsum(distributions, axis=1)
    paid_cumulative = np.cumsum(calls, axis=1)
    dpi = np.zeros((scenarios, years))
    np.divide(lp_cumulative, paid_cumulative, out=dpi, where=paid_cumulative > 0)
    j_curve = (lp_cumulative - paid_cumulative) / commitments
    lp_flows = distributions - calls
    lp_flows[:, years - 1] += terminal  # the NAV share and clawback count in the horizon year
    paid_in = paid_cumulative[:, years - 1]
    tvpi = np.ones(scenarios)
    np.divide(lp_cumulative[:, years - 1] + terminal, paid_in, out=tvpi, where=paid_in > 0)
    rates = irr(lp_flows)
    defined = rates[~np.isnan(rates)]

    def spread(x):
        p10, p50, p90 = np.quantile(x, QUANTILES)
        return {"mean": float(np.mean(x)), "p10": float(p10), "p50": float(p50), "p90": float(p90)}

    def bands(by_year):
        q = np.quantile(by_year, QUANTILES, axis=0)
        return [{"year": y, "p10": float(q[0, y]), "p50": float(q[1, y]), "p90": float(q[2, y])} for y in range(years)]

    irr_q = np.quantile(defined, QUANTILES) if defined.size else [None] * 3
    return {
        "grossMultiple": spread(gross),
        "netTvpi": spread(tvpi),
        "netIrr": {
            "p10": None if irr_q[0] is None else float(irr_q[0]),
            "p50": None if irr_q[1] is None else float(irr_q[1]),
            "p90": None if irr_q[2] is None else float(irr_q[2]),
            "undefinedShare": float(np.count_nonzero(np.isnan(rates)) / scenarios),
        },
        "probabilityNetTvpiAtLeast": {str(m): float(np.count_nonzero(tvpi >= m) / scenarios) for m in (1, 2, 3)},
        "netDpiByYear": bands(dpi),
        "jCurve": bands(j_curve),
        "expectedCarry": float(np.mean(carry)),
        "investableCapital": investable,
        "totalFees": total_fees,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--flows", required=True)
    parser.add_argument("--spec", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with open(args.spec) as f:
        spec = json.load(f)
    shape = (spec["rows"], spec["scenarios"], spec["yearCount"])
    values = np.fromfile(args.flows, dtype="<f4").reshape(shape)
    result, times, cpu_times = None, [], []
    metrics(values, spec)  # warm-up: first-touch page faults and NumPy's lazy imports
    for i in range(args.repeats):
        cpu_start, start = time.thread_time(), time.perf_counter()
        result = metrics(values, spec)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.thread_time() - cpu_start)
        print("numpy run %d: %.1f ms (cpu %.1f ms)" % (i, times[-1] * 1e3, cpu_times[-1] * 1e3))
    with open(args.out, "w") as f:
        json.dump(result, f)
    # CPU time beside wall time: on a shared machine the wall clock also counts time spent waiting for a core
    print("seconds_best=%r" % min(times))
    print("seconds_median=%r" % float(np.median(times)))
    print("seconds_cpu_best=%r" % min(cpu_times))
    print("seconds_cpu_median=%r" % float(np.median(cpu_times)))


if __name__ == "__main__":
    main()
