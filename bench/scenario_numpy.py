#!/usr/bin/env python3
"""A straightforward vectorized NumPy implementation of the three_component_v1 scenario model (DESIGN section 7),
the baseline that ScenarioGenerationBenchmark measures the Java engine against (bench/run ScenarioGenerationBenchmark).

Same model and calibration (industry-benchmark-v1), not the same random streams: NumPy's PCG64 draws the uniforms, so
the matrices agree in distribution, not in bits. Prints one line per repeat and a final `paths_per_second=<float>`
(best repeat), the line the Java benchmark parses. Single-threaded, like NumPy's element-wise kernels.
"""
import argparse
import time

import numpy as np

# industry-benchmark-v1, stages Seed, SeriesA, SeriesB, SeriesC
EXIT = np.array([0.05, 0.08, 0.12, 0.20])
GRADUATE = np.array([0.35, 0.40, 0.40, 0.30])
FAILURE = np.array([0.25, 0.20, 0.15, 0.12])
MEDIAN = np.array([2.0, 2.5, 2.2, 2.0])
P90 = np.array([12.0, 10.0, 7.0, 5.0])
MAX_MOIC, MAX_ROUNDS = 250.0, 8
REGIME_P = np.array([0.25, 0.50, 0.25])
REGIME_MIN = np.array([0.2, -0.1, -0.5])
REGIME_MAX = np.array([0.5, 0.1, -0.2])
REGIME_IMPACT = 0.3
SHOCK_SCALE, SYSTEMATIC, IDIOSYNCRATIC = 0.5, 0.5, 0.3

ALPHA = np.log(5) / np.log(P90 / MEDIAN)
XMIN = MEDIAN / 2 ** (1 / ALPHA)
EXIT_CUT = EXIT
GRADUATE_CUT = EXIT + GRADUATE
FAILURE_CUT = EXIT + GRADUATE + FAILURE
LAST_STAGE = 3


def generate(rng, entry_stages, scenarios, deals):
    buckets = len(entry_stages)
    regime = np.minimum(np.searchsorted(np.cumsum(REGIME_P), rng.random(scenarios), side="right"), 2)
    shock = REGIME_MIN[regime] + (REGIME_MAX[regime] - REGIME_MIN[regime]) * rng.random(scenarios)
    regime_factor = np.maximum(0.0, 1 + shock * REGIME_IMPACT)  # (S,)
    systematic = 1 + SHOCK_SCALE * SYSTEMATIC * rng.uniform(-1, 1, (buckets, scenarios))  # (B, S)

    n = buckets * scenarios * deals
    # flat path index p = (b * S + s) * D + d
    stage = np.repeat(np.asarray(entry_stages, dtype=np.int8), scenarios * deals)
    exit_stage = np.full(n, -1, dtype=np.int8)
    alive = np.arange(n)
    for _ in range(MAX_ROUNDS):
        if alive.size == 0:
            break
        u = rng.random(alive.size)
        g = stage[alive]
        exits = u < EXIT_CUT[g]
        graduates = ~exits & (u < GRADUATE_CUT[g])
        fails = ~exits & ~graduates & (u < FAILURE_CUT[g])
        exit_at_c = graduates & (g == LAST_STAGE)
        done = exits | exit_at_c
        exit_stage[alive[done]] = g[done]
        moving = graduates & ~exit_at_c
        stage[alive[moving]] += 1
        alive = alive[~(done | fails)]
    # still alive after MAX_ROUNDS: failure (exit_stage stays -1)

    value = np.zeros(n)
    exited = np.nonzero(exit_stage >= 0)[0]
    g = exit_stage[exited]
    cell = exited // deals  # b * S + s
    pareto = XMIN[g] * (1 - rng.random(exited.size)) ** (-1 / ALPHA[g])
    idio = SHOCK_SCALE * IDIOSYNCRATIC * rng.uniform(-1, 1, exited.size)
    factor = np.maximum(0.0, systematic.ravel()[cell] + idio)
    value[exited] = np.minimum(pareto * regime_factor[cell % scenarios] * factor, MAX_MOIC)
    return value.reshape(buckets, scenarios, deals).mean(axis=2).astype(np.float32)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--buckets", type=int, default=60)
    parser.add_argument("--scenarios", type=int, default=10_000)
    parser.add_argument("--deals", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    entry = [b % 4 for b in range(args.buckets)]
    rng = np.random.default_rng(20261124)
    paths = args.buckets * args.scenarios * args.deals
    best = 0.0
    for repeat in range(args.repeats):
        start = time.perf_counter()
        matrix = generate(rng, entry, args.scenarios, args.deals)
        seconds = time.perf_counter() - start
        rate = paths / seconds
        best = max(best, rate)
        print(f"numpy repeat {repeat}: {seconds:.3f} s, {rate / 1e6:.2f} M paths/s, mean MOIC {matrix.mean():.4f}")
    print(f"paths_per_second={best:.1f}")


if __name__ == "__main__":
    main()
