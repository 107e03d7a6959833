#!/usr/bin/env bash
# Runs one optimization session against a running service and prints the allocation table.
#   examples/optimize.sh [base-url]          default http://localhost:8080
# Start the service first (README, Access): APP_AUTH_TOKENS=dev-token=7b0c1f9e-2a34-4c1d-9a55-3f2b1e0d4c21 ./mvnw -DskipTests package quarkus:run
# then: API_TOKEN=dev-token examples/optimize.sh
set -euo pipefail
base="${1:-http://localhost:8080}"
auth=()
if [ -n "${API_TOKEN:-}" ]; then auth=(-H "Authorization: Bearer $API_TOKEN")
else echo "API_TOKEN is not set: every /api call will answer 401 (README, Access)" >&2; fi

body='{
  "fundId": "7b0c1f9e-2a34-4c1d-9a55-3f2b1e0d4c21",
  "fundSize": 100000000,
  "buckets": [
    {"sector": "SaaS",    "stage": "Seed",    "initialCheck": 1500000, "reserveRatio": 1.0},
    {"sector": "SaaS",    "stage": "SeriesA", "initialCheck": 4000000, "reserveRatio": 0.5},
    {"sector": "Fintech", "stage": "Seed",    "initialCheck": 1000000, "reserveRatio": 1.5},
    {"sector": "Bio",     "stage": "SeriesA", "initialCheck": 5000000, "reserveRatio": 0.5}
  ],
  "scenarioCount": 2000,
  "constraints": {"maxLossProbability": 0.45, "cvarLimit": 0.8, "cvarConfidence": 0.95,
                  "minExpectedWinners": 1, "bucketMaxWeight": 0.4,
                  "sectorBounds": {"SaaS": {"min": 0.3, "max": 0.7}}},
  "validationScenarios": 5000
}'

accepted=$(curl -sS -f "${auth[@]}" -H 'Content-Type: application/json' -d "$body" "$base/api/optimization/request")
id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["sessionId"])' <<<"$accepted")
echo "session $id"
while :; do
  status=$(curl -sS -f "${auth[@]}" "$base/api/optimization/status/$id")
  state=$(python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["status"], s["progress"]["step"], round(s["progress"]["percent"]))' <<<"$status")
  echo "  $state"
  case "$state" in COMPLETED*|FAILED*|CANCELLED*) break ;; esac
  sleep 1
done
[[ "$state" == COMPLETED* ]] || { echo "$status"; exit 1; }

result=$(curl -sS -f "${auth[@]}" "$base/api/optimization/result/$id")
python3 - "$result" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print("\n%-20s%9s%16s%7s" % ("bucket", "weight", "dollars", "deals"))
for a in r["allocation"]:
    print("%-20s%9.2f%%%15s%7d" % (a["bucketKey"], 100 * a["weight"], format(round(a["dollars"]), ","), a["dealCount"]))
m, v, s = r["riskMetrics"], r["validationMetrics"], r["solverMetadata"]
greedy = "none" if v["greedyObjective"] is None else "%.3f, %s" % (v["greedyObjective"], "meets every limit" if v["greedyFeasible"] else "breaks a limit")
print("\nexpected MOIC %.3f (out of sample %.3f; greedy baseline %s)" % (r["expectedMoic"], v["expectedMoic"], greedy))
print("loss probability %.1f%% (out of sample %.1f%%), CVaR %.3f (out of sample %.3f), expected 10x winners %.2f"
      % (100 * m["lossProbability"], 100 * v["lossProbability"], m["cvar"], v["cvar"], m["expectedWinners"]))
print("solver %s %s, gap %.1e, %d ms; out of sample every limit holds: %s" % (s["backend"], s["status"], s["gap"] or 0, s["millis"], v["feasible"]))
for step in r["relaxationLog"]:
    print("relaxed:", step["message"])
f = r.get("fundMetrics")
if f:
    irr = f["netIrr"]
    print("LPs, net of %s of fees and %s of expected carry: TVPI %.2f (P10 %.2f, P90 %.2f), IRR P50 %s, TVPI >= 1 in %.0f%% of scenarios"
          % (format(round(f["totalFees"]), ","), format(round(f["expectedCarry"]), ","), f["netTvpi"]["mean"],
             f["netTvpi"]["p10"], f["netTvpi"]["p90"], "n/a" if irr["p50"] is None else "%.1f%%" % (100 * irr["p50"]),
             100 * f["probabilityNetTvpiAtLeast"]["1"]))
PY
