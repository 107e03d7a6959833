#!/usr/bin/env python3
"""A vectorized NumPy implementation of the round_by_round_v1 model (DESIGN 13), the baseline that
RoundGenerationBenchmark measures the Java engine against (bench/run RoundGenerationBenchmark).

Same model and inputs as the benchmark's spec (industry-benchmark-v1 chain and exits, the round dynamics below, pro-rata
follow-ons within a reserve of 1x, a 15-year horizon), not the same random streams: NumPy's PCG64 draws the uniforms,
so the matrices agree in distribution, not in bits. Every deal is one element of the state arrays; each round updates
the ones still alive with masks, and flows are summed into (cell, year) with bincount. Prints one line per repeat and a
final `paths_per_second=<float>` (best repeat). Single-threaded, like NumPy's element-wise kernels.
"""
import argparse
import time

import numpy as np

EXIT_CUT = np.array([0.05, 0.08, 0.12, 0.20])
GRADUATE_CUT = EXIT_CUT + np.array([0.35, 0.40, 0.40, 0.30])
FAILURE_CUT = GRADUATE_CUT + np.array([0.25, 0.20, 0.15, 0.12])
MEDIAN = np.array([2.0, 2.5, 2.2, 2.0])
P90 = np.array([12.0, 10.0, 7.0, 5.0])
ALPHA = np.log(5) / np.log(P90 / MEDIAN)
XMIN = MEDIAN / 2 ** (1 / ALPHA)
MAX_MOIC, MAX_ROUNDS = 250.0, 8
REGIME_P = np.array([0.25, 0.50, 0.25])
REGIME_MIN = np.array([0.2, -0.1, -0.5])
REGIME_MAX = np.array([0.5, 0.1, -0.2])
REGIME_IMPACT = 0.3
SHOCK_SCALE, SYSTEMATIC, IDIOSYNCRATIC = 0.5, 0.5, 0.3
Z90 = 1.2815515655446004
# round dynamics by stage: years to the next round, step-up into the stage (median, p90), dilution, entry post-money
YEARS = np.array([[1.8, 3.5], [2.0, 3.8], [2.2, 4.0], [2.4, 4.5]])
STEP_UP = np.array([[1.0, 1.0], [2.5, 5.0], [2.2, 4.0], [1.8, 3.0]])
DILUTION = np.array([0.0, 0.2, 0.15, 0.12])
ENTRY_POST = np.array([12e6, 40e6, 100e6, 300e6])
CHECK, RESERVE_RATIO = 1e6, 1.0
INVESTMENT_YEARS, HORIZON = 5.0, 15
LAST_STAGE = 3


def lognormal(rng, law, stage):
    sigma = np.log(law[stage, 1] / law[stage, 0]) / Z90
    return law[stage, 0] * np.exp(sigma * rng.standard_normal(stage.size))


def generate(rng, entry_stages, scenarios, deals):
    rows = len(entry_stages)
    years = HORIZON + 2
    regime = np.minimum(np.searchsorted(np.cumsum(REGIME_P), rng.random(scenarios), side="right"), 2)
    shock = REGIME_MIN[regime] + (REGIME_MAX[regime] - REGIME_MIN[regime]) * rng.random(scenarios)
    regime_factor = np.maximum(0.0, 1 + shock * REGIME_IMPACT)
    systematic = 1 + SHOCK_SCALE * SYSTEMATIC * rng.uniform(-1, 1, (rows, scenarios))

    n = rows * scenarios * deals  # flat deal index p = (r * S + s) * D + d
    cell = np.arange(n) // deals
    stage = np.repeat(np.asarray(entry_stages, dtype=np.int64), scenarios * deals)
    t = np.tile(INVESTMENT_YEARS * (np.arange(deals) + 0.5) / deals, rows * scenarios)
    valuation = ENTRY_POST[stage]
    ownership = CHECK / valuation
    reserve = np.full(n, RESERVE_RATIO * CHECK)
    flow_index = [cell * years + t.astype(np.int64)]
    flow_value = [np.full(n, -CHECK)]
    received = np.zeros(n)
    alive = np.arange(n)
    for _ in range(MAX_ROUNDS):
        if alive.size == 0:
            break
        g = stage[alive]
        t[alive] += lognormal(rng, YEARS, g)
        late = t[alive] > HORIZON
        held = alive[late]
        received[held] = ownership[held] * valuation[held]
        flow_index.append(cell[held] * years + years - 1)
        flow_value.append(received[held])
        alive, g = alive[~late], g[~late]
        u = rng.random(alive.size)
        exits = (u < EXIT_CUT[g]) | ((u < GRADUATE_CUT[g]) & (g == LAST_STAGE))
        graduates = ~exits & (u < GRADUATE_CUT[g])
        fails = ~exits & ~graduates & (u < FAILURE_CUT[g])
        out = alive[exits]
        pareto = XMIN[g[exits]] * (1 - rng.random(out.size)) ** (-1 / ALPHA[g[exits]])
        idio = SHOCK_SCALE * IDIOSYNCRATIC * rng.uniform(-1, 1, out.size)
        factor = np.maximum(0.0, systematic.ravel()[cell[out]] + idio)
        multiple = np.minimum(pareto * regime_factor[cell[out] % scenarios] * factor, MAX_MOIC)
        received[out] = ownership[out] * valuation[out] * multiple
        flow_index.append(cell[out] * years + t[out].astype(np.int64))
        flow_value.append(received[out])
        up = alive[graduates]
        stage[up] += 1
        valuation[up] *= lognormal(rng, STEP_UP, stage[up])
        sold = DILUTION[stage[up]]
        cheque = np.minimum(ownership[up] * sold * valuation[up], reserve[up])
        reserve[up] -= cheque
        ownership[up] = ownership[up] * (1 - sold) + cheque / valuation[up]
        flow_index.append(cell[up] * years + t[up].astype(np.int64))
        flow_value.append(-cheque)
        alive = alive[~(exits | fails)]
    cost = deals * CHECK * (1 + RESERVE_RATIO)
    flows = np.bincount(np.concatenate(flow_index), np.concatenate(flow_value), rows * scenarios * years) / cost
    value = np.bincount(cell, received + reserve, rows * scenarios) / cost
    return value.reshape(rows, scenarios).astype(np.float32), flows.reshape(rows, scenarios, years).astype(np.float32)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=60)
    parser.add_argument("--scenarios", type=int, default=10_000)
    parser.add_argument("--deals", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    entry = [r % 4 for r in range(args.rows)]
    rng = np.random.default_rng(20261207)
    paths = args.rows * args.scenarios * args.deals
    best = 0.0
    for repeat in range(args.repeats):
        start = time.perf_counter()
        moic, flows = generate(rng, entry, args.scenarios, args.deals)
        seconds = time.perf_counter() - start
        rate = paths / seconds
        best = max(best, rate)
        gap = np.abs(flows.sum(axis=2) - (moic - 1)).max()
        print(f"numpy repeat {repeat}: {seconds:.3f} s, {rate / 1e6:.2f} M deal paths/s, mean MOIC {moic.mean():.4f},"
              f" max |flows + NAV - (MOIC - 1)| {gap:.1e}")
    print(f"paths_per_second={best:.1f}")


if __name__ == "__main__":
    main()
