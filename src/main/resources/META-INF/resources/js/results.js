// Renders a completed session: allocation, MOIC distribution, metrics, constraint report, relaxation log, comparison.

import { barChart, histogram } from './charts.js';
import { integer, money, multiple, number, percent, rowKey, rowLabel } from './format.js';

export function row(cells, { header = false, cls } = {}) {
  const tr = document.createElement('tr');
  if (cls) {
    tr.className = cls;
  }
  cells.forEach((c, i) => {
    const cell = document.createElement(header || (i === 0 && header !== null) ? 'th' : 'td');
    if (cell.tagName === 'TH') {
      cell.scope = header ? 'col' : 'row';
    }
    if (c instanceof Node) {
      cell.append(c);
    } else {
      cell.textContent = c;
    }
    if (i > 0) {
      cell.className = 'num';
    }
    tr.append(cell);
  });
  return tr;
}

function caption(table, text) {
  const c = document.createElement('caption');
  c.textContent = text;
  table.append(c);
}

/** A row key for a table heading: the bucket, and on a second line the reserve option when the row is one. */
export function rowHeading(key) {
  const { bucket, option } = rowKey(key);
  const span = document.createElement('span');
  span.className = 'row-key';
  span.textContent = bucket;
  if (option !== null) {
    const tag = document.createElement('span');
    tag.className = 'option-tag';
    tag.textContent = `reserve option ${option}`;
    span.append(' ', tag);
  }
  return span;
}

export function renderAllocation(result) {
  const table = document.getElementById('allocation');
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const a of result.allocation) {
    const tr = row([rowHeading(a.bucketKey), integer(a.dealCount), money(a.dollars), percent(a.weight)]);
    tr.dataset.bucket = a.bucketKey;
    tr.dataset.weight = a.weight;
    tr.dataset.dollars = a.dollars;
    tr.dataset.deals = a.dealCount;
    body.append(tr);
  }
  const deals = result.allocation.reduce((s, a) => s + a.dealCount, 0);
  // with fees (round by round) the weights split what is left of the fund after them
  const investable = result.fundMetrics ? ` (${money(result.fundMetrics.investableCapital)} investable after fees)` : '';
  const rest = result.uninvested && result.uninvested.dollars > 0
    ? `, ${money(result.uninvested.dollars)} (${percent(result.uninvested.weight)}) uninvested`
    : '';
  document.getElementById('allocation-summary').textContent =
    `— fund ${money(result.fundSize)}${investable}, ${integer(deals)} deals${rest}, expected MOIC ${multiple(result.expectedMoic)}`;
  barChart(document.getElementById('allocation-chart'), {
    labels: result.allocation.map((a) => rowLabel(a.bucketKey)),
    values: result.allocation.map((a) => a.weight),
    format: (v) => percent(v, 0),
    xLabel: 'Share of the fund (%)',
    caption: 'Weight per bucket, percent of the fund',
  });
}

/** Portfolio MOIC per scenario: M_s = sum over buckets of w_b * m[b][s], buckets in the matrix's own order. */
export function portfolioMoic(matrix, bucketKeys, allocation) {
  const weights = new Map(allocation.map((a) => [a.bucketKey, a.weight]));
  const out = new Float64Array(matrix.scenarios);
  bucketKeys.forEach((key, b) => {
    const w = weights.get(key) ?? 0;
    if (w === 0) {
      return;
    }
    const base = b * matrix.scenarios * 4;
    for (let s = 0; s < matrix.scenarios; s++) {
      out[s] += w * matrix.view.getFloat32(base + s * 4, true);
    }
  });
  return out;
}

export function renderHistogram(moic, confidence, reportedCvar) {
  const sorted = Float64Array.from(moic).sort();
  const n = sorted.length;
  const tailCount = Math.max(1, Math.ceil((1 - confidence) * n - 1e-9));
  const tailCut = sorted[tailCount - 1];
  let tailLoss = 0;
  for (let i = 0; i < tailCount; i++) {
    tailLoss += Math.max(0, 1 - sorted[i]);
  }
  const browserCvar = tailLoss / tailCount;
  const p99 = sorted[Math.min(n - 1, Math.floor(0.99 * n))];
  const end = Math.max(2, Math.ceil(p99 * 2) / 2);
  const count = 40;
  const width = end / count;
  const bins = new Array(count).fill(0);
  let above = 0;
  for (const v of sorted) {
    if (v >= end) {
      above++;
    }
    bins[Math.min(count - 1, Math.max(0, Math.floor(v / width)))]++;
  }
  const losses = sorted.findIndex((v) => v >= 1);
  const lossShare = (losses < 0 ? n : losses) / n;
  const tailShare = percent(1 - confidence, 1);
  histogram(document.getElementById('histogram'), {
    bins,
    binWidth: width,
    start: 0,
    threshold: 1,
    tailCut,
    tailLabel: `CVaR tail: worst ${tailShare} (MOIC ≤ ${multiple(tailCut, 2)})`,
    format: (v) => multiple(v, 1),
    xLabel: 'Portfolio MOIC (multiple of invested capital, ×)',
    yLabel: 'Share of scenarios (%)',
    caption: `Portfolio MOIC over ${integer(n)} optimization scenarios`,
  });
  document.getElementById('histogram-note').textContent =
    `${percent(lossShare, 1)} of scenarios lose money (MOIC < 1×). ` +
    `Mean loss in the worst ${tailShare}: ${percent(browserCvar, 1)} computed here, ${percent(reportedCvar, 1)} ` +
    `reported by the service.` +
    (above ? ` The last bar also holds the ${integer(above)} scenarios at or above ${multiple(end, 1)}.` : '');
}

export function renderMetrics(result) {
  const table = document.getElementById('metrics');
  table.replaceChildren();
  const v = result.validationMetrics;
  caption(table, `Out of sample: ${integer(v.scenarios)} fresh scenarios (${v.method})`);
  const head = document.createElement('thead');
  head.append(row(['Measure', 'In sample', 'Out of sample', 'Greedy baseline'], { header: true }));
  table.append(head);
  const body = document.createElement('tbody');
  const dash = '—';
  const greedy = v.greedyObjective == null ? 'could not place the whole fund' : multiple(v.greedyObjective);
  body.append(row(['Expected MOIC', multiple(result.expectedMoic), multiple(v.expectedMoic), greedy]));
  body.append(row(['Loss probability', percent(result.riskMetrics.lossProbability), percent(v.lossProbability), dash]));
  body.append(row(['CVaR', percent(result.riskMetrics.cvar), percent(v.cvar), dash]));
  body.append(row(['Expected 10× winners', number(result.riskMetrics.expectedWinners), number(v.expectedWinners), dash]));
  const verified = result.solverMetadata?.verified ? 'yes' : 'no';
  body.append(row(['Meets every limit', verified, v.feasible ? 'yes' : 'no', v.greedyFeasible ? 'yes' : 'no']));
  table.append(body);
  const foot = document.createElement('tfoot');
  foot.append(row([
    'Out-of-sample overshoot',
    '',
    `loss ${percent(v.maxLossViolation)}, CVaR ${percent(v.cvarViolation)}, winners ${number(v.winnerCountViolation)}`,
    '',
  ]));
  table.append(foot);
}

export const LABELS = {
  budget: 'Budget',
  bucketCap: 'Bucket cap',
  sectorMin: 'Sector minimum',
  sectorMax: 'Sector maximum',
  stageMin: 'Stage minimum',
  stageMax: 'Stage maximum',
  lossProbability: 'Loss probability',
  cvar: 'CVaR',
  expectedWinners: 'Expected 10× winners',
};

export function value(constraint, v) {
  return constraint === 'expectedWinners' ? number(v) : percent(v);
}

function badge(text, cls) {
  const span = document.createElement('span');
  span.className = `badge ${cls}`;
  span.textContent = text;
  return span;
}

export function constraintTable(table, report, title) {
  table.replaceChildren();
  caption(table, title);
  const head = document.createElement('thead');
  head.append(row(['Constraint', 'Limit', 'Achieved', 'Slack', 'State'], { header: true }));
  table.append(head);
  const body = document.createElement('tbody');
  for (const c of report) {
    const states = document.createElement('span');
    const cls = [];
    if (!c.satisfied) {
      states.append(badge('violated', 'violated'));
      cls.push('violated');
    }
    if (c.relaxed) {
      states.append(badge('relaxed', 'relaxed'));
      cls.push('relaxed');
    }
    if (c.binding) {
      states.append(badge('binding', 'binding'));
      cls.push('binding');
    } else if (c.satisfied) {
      states.append(badge('slack', 'slack'));
      cls.push('slack');
    }
    const name = (LABELS[c.constraint] ?? c.constraint) + (c.subject ? ` · ${rowLabel(c.subject)}` : '');
    const tr = row([name, value(c.constraint, c.required), value(c.constraint, c.achieved), value(c.constraint, c.slack), states], {
      cls: cls.join(' '),
    });
    tr.dataset.constraint = c.constraint;
    body.append(tr);
  }
  table.append(body);
}

export function renderRelaxations(log) {
  const list = document.getElementById('relaxations');
  list.replaceChildren();
  const entries = log.length ? log.map((e) => e.message) : ['Every limit held as given: nothing had to be relaxed.'];
  for (const text of entries) {
    const li = document.createElement('li');
    li.textContent = text;
    list.append(li);
  }
}

/** @param extra further rows [label, mine, optimum, difference] (the LP figures, when there are any) */
export function renderComparison(result, evaluation, extra = []) {
  const table = document.getElementById('comparison');
  table.replaceChildren();
  caption(table, `My allocation against the optimum (${integer(evaluation.scenarioCount)} scenarios)`);
  const head = document.createElement('thead');
  head.append(row(['Measure', 'My allocation', 'Optimum', 'Difference'], { header: true }));
  table.append(head);
  const body = document.createElement('tbody');
  const mine = evaluation.riskMetrics;
  const best = result.riskMetrics;
  const diff = (a, b, f) => (a - b >= 0 ? '+' : '−') + f(Math.abs(a - b));
  body.append(row(['Expected MOIC', multiple(evaluation.expectedMoic), multiple(result.expectedMoic),
    diff(evaluation.expectedMoic, result.expectedMoic, multiple)]));
  body.append(row(['Loss probability', percent(mine.lossProbability), percent(best.lossProbability),
    diff(mine.lossProbability, best.lossProbability, percent)]));
  body.append(row(['CVaR', percent(mine.cvar), percent(best.cvar), diff(mine.cvar, best.cvar, percent)]));
  body.append(row(['Expected 10× winners', number(mine.expectedWinners), number(best.expectedWinners),
    diff(mine.expectedWinners, best.expectedWinners, number)]));
  const verified = result.solverMetadata?.verified ? 'yes' : 'no';
  for (const cells of extra) {
    body.append(row(cells, { cls: 'net' }));
  }
  body.append(row(['Meets every limit', evaluation.feasible ? 'yes' : 'no', verified, '']));
  table.append(body);
  table.hidden = false;
}
