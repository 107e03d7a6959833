// Compares 2-4 completed plans side by side (DESIGN 16): the inputs that differ, allocations, gross and net metrics,
// and their MOIC distributions and J-curves overlaid. Everything shown comes from each plan's result and its matrix;
// cells carry the raw value (data-value) next to the formatted text.

import { getJson, getMoic } from './api.js';
import { integer, money, multiple, number, percent } from './format.js';
import { stepOverlay, lineOverlay } from './overlay.js';
import { LABELS, portfolioMoic, rowHeading, value as limitValue } from './results.js';

const $ = (id) => document.getElementById(id);
const BINS = 40;
/** Matrix metadata and values by key: plans on one matrix fetch it once. */
const matrices = new Map();
let shown = null;

function matrix(key) {
  if (!matrices.has(key)) {
    const loading = Promise.all([getJson(`/api/matrices/${key}`), getMoic(key)]).then(([meta, values]) => ({ meta, values }));
    loading.catch(() => matrices.delete(key));
    matrices.set(key, loading);
  }
  return matrices.get(key);
}

/** Opens the comparison of `plans` ([{sessionId, label}], 2-4, in the list's order). */
export async function comparePlans(plans) {
  const panel = $('compare-panel');
  panel.hidden = false;
  panel.dataset.state = 'loading';
  $('compare-error').textContent = '';
  $('compare-title').textContent = `Comparing ${plans.length} plans`;
  panel.scrollIntoView({ block: 'start' });
  try {
    const results = await Promise.all(plans.map((p) => getJson(`/api/optimization/result/${p.sessionId}`)));
    const data = await Promise.all(results.map((r) => matrix(r.matrixKey)));
    shown = plans.map((p, i) => ({ ...p, result: results[i], meta: data[i].meta, values: data[i].values }));
  } catch (e) {
    panel.dataset.state = 'failed';
    $('compare-error').textContent = `The plans could not be compared: ${e.message}`;
    return;
  }
  inputsTable(shown);
  allocationTable(shown);
  metricsTable(shown);
  draw();
  panel.dataset.state = 'done';
  $('compare-title').focus();
}

export function closeComparison() {
  shown = null;
  $('compare-panel').hidden = true;
}

function cell(tag, text, attributes = {}) {
  const c = document.createElement(tag);
  c.textContent = text;
  for (const [k, v] of Object.entries(attributes)) {
    if (v !== undefined && v !== null) {
      c.setAttribute(k, v);
    }
  }
  return c;
}

/** A table with a caption, a head row (Measure, one column per plan, or given) and an empty body. */
function table(id, caption, head) {
  const t = $(id);
  t.replaceChildren();
  t.createCaption().textContent = caption;
  const tr = t.createTHead().insertRow();
  head.forEach((h, i) => tr.append(cell('th', h, { scope: 'col', class: i ? 'num' : undefined })));
  return t.createTBody();
}

/** A body row: a heading and one cell per value, each [text, raw value]. */
function addRow(body, heading, cells, attributes) {
  const tr = body.insertRow();
  for (const [k, v] of Object.entries(attributes)) {
    tr.dataset[k] = v;
  }
  tr.append(heading instanceof Node ? wrap(heading) : cell('th', heading, { scope: 'row' }));
  cells.forEach(([text, raw], i) => tr.append(cell('td', text, { class: 'num', 'data-plan': i, 'data-value': raw })));
  return tr;
}

function wrap(node) {
  const th = document.createElement('th');
  th.scope = 'row';
  th.append(node);
  return th;
}

/** Each limit a plan asked for, by constraint and subject: the requested value, and the applied one when relaxed. */
function limits(result) {
  const out = new Map();
  for (const c of result.constraintReport) {
    const step = result.relaxationLog.findLast((e) => e.constraint === c.constraint && (e.subject ?? '') === (c.subject ?? ''));
    const requested = c.relaxed && step ? step.oldValue : c.required;
    const text = limitValue(c.constraint, requested) + (c.relaxed ? ` (relaxed to ${limitValue(c.constraint, c.required)})` : '');
    out.set(`${c.constraint}|${c.subject ?? ''}`, { c, text, raw: requested });
  }
  return out;
}

/** The inputs the results reveal, as rows [key, label, values [text, raw] per plan]; only differing rows are kept. */
function inputRows(plans) {
  const rows = [];
  const add = (key, label, values) => rows.push({ key, label, values });
  add('fundSize', 'Fund size', plans.map((p) => [money(p.result.fundSize), p.result.fundSize]));
  add('matrixKey', 'Scenario matrix', plans.map((p) => [`${p.result.matrixKey.slice(0, 12)}…`, p.result.matrixKey]));
  add('source', 'Scenario model', plans.map((p) => [p.meta.source === 'client' ? 'uploaded' : p.meta.source, p.meta.source]));
  add('calibrationVersion', 'Calibration', plans.map((p) => [p.meta.calibrationVersion ?? '—', p.meta.calibrationVersion]));
  add('scenarioCount', 'Scenarios', plans.map((p) => [integer(p.meta.scenarioCount), p.meta.scenarioCount]));
  add('validationScenarios', 'Validation scenarios', plans.map((p) =>
    [`${integer(p.result.validationMetrics.scenarios)} (${p.result.validationMetrics.method})`, p.result.validationMetrics.scenarios]));
  const each = plans.map((p) => limits(p.result));
  const keys = [...new Set(each.flatMap((m) => [...m.keys()]))];
  for (const key of keys) {
    const some = each.find((m) => m.has(key)).get(key).c;
    const label = (LABELS[some.constraint] ?? some.constraint) + (some.subject ? ` · ${some.subject}` : '');
    add(`limit.${key}`, `Limit: ${label}`, each.map((m) => (m.has(key) ? [m.get(key).text, m.get(key).raw] : ['none', 'none'])));
  }
  const applied = (p, k) => p.result.solverMetadata?.appliedLimits?.[k];
  add('cvarConfidence', 'CVaR confidence', plans.map((p) => [applied(p, 'cvarConfidence') == null ? '—' : percent(applied(p, 'cvarConfidence'), 1), applied(p, 'cvarConfidence')]));
  add('wholeDeals', 'Whole deals', plans.map((p) => [applied(p, 'wholeDeals') === false ? 'no' : 'yes', applied(p, 'wholeDeals') !== false]));
  const terms = (p, k) => p.result.fundTerms?.[k];
  for (const [k, label] of [['managementFeeRate', 'Management fee'], ['postPeriodFeeRate', 'Fee after the investment period'],
    ['carryRate', 'Carry'], ['hurdleRate', 'Hurdle'], ['catchUp', 'Catch-up']]) {
    add(`fundTerms.${k}`, label, plans.map((p) => [terms(p, k) == null ? '—' : percent(terms(p, k), 2), terms(p, k)]));
  }
  add('minDealsPerBucket', 'Min deals in a used bucket', plans.map((p) => [applied(p, 'minDealsPerBucket') == null ? '—' : integer(applied(p, 'minDealsPerBucket')), applied(p, 'minDealsPerBucket')]));
  return rows.filter((r) => new Set(r.values.map(([text, raw]) => `${text}\u0000${raw}`)).size > 1);
}

function inputsTable(plans) {
  const rows = inputRows(plans);
  const body = table('compare-inputs', 'Inputs that differ', ['Input', ...plans.map((p) => p.label)]);
  for (const r of rows) {
    addRow(body, r.label, r.values, { input: r.key });
  }
  $('compare-inputs-none').hidden = rows.length > 0;
}

function allocationTable(plans) {
  const t = $('compare-allocation');
  t.replaceChildren();
  t.createCaption().textContent = 'Allocations: deals and weight per bucket';
  const head = t.createTHead();
  const top = head.insertRow();
  top.append(cell('td', ''));
  plans.forEach((p) => top.append(cell('th', p.label, { scope: 'colgroup', colspan: 2, class: 'num' })));
  const sub = head.insertRow();
  sub.append(cell('th', 'Bucket', { scope: 'col' }));
  plans.forEach(() => sub.append(cell('th', 'Deals', { scope: 'col', class: 'num' }), cell('th', 'Weight', { scope: 'col', class: 'num' })));
  const body = t.createTBody();
  const keys = [...new Set(plans.flatMap((p) => p.result.allocation.map((a) => a.bucketKey)))];
  for (const key of keys) {
    const tr = body.insertRow();
    tr.dataset.bucket = key;
    tr.append(wrap(rowHeading(key)));
    plans.forEach((p, i) => {
      const a = p.result.allocation.find((x) => x.bucketKey === key);
      tr.append(cell('td', a ? integer(a.dealCount) : '—', { class: 'num', 'data-plan': i, 'data-deals': a?.dealCount }));
      tr.append(cell('td', a ? percent(a.weight) : '—', { class: 'num', 'data-plan': i, 'data-weight': a?.weight }));
    });
  }
  const rest = body.insertRow();
  rest.dataset.bucket = 'uninvested';
  rest.append(cell('th', 'Uninvested', { scope: 'row' }));
  plans.forEach((p, i) => {
    const u = p.result.uninvested ?? { weight: 0, dollars: 0 };
    rest.append(cell('td', money(u.dollars), { class: 'num', 'data-plan': i, 'data-dollars': u.dollars }));
    rest.append(cell('td', percent(u.weight), { class: 'num', 'data-plan': i, 'data-weight': u.weight }));
  });
}

const times = (v) => multiple(v, 2);
const irr = (v) => (v == null ? '—' : percent(v, 1));

/** The metrics side by side: [key, label, value of a result or undefined, format]. */
const METRICS = [
  ['expectedMoic', 'Expected MOIC, in sample', (r) => r.expectedMoic, multiple],
  ['lossProbability', 'Loss probability, in sample', (r) => r.riskMetrics.lossProbability, percent],
  ['cvar', 'CVaR, in sample', (r) => r.riskMetrics.cvar, percent],
  ['expectedWinners', 'Expected 10× winners, in sample', (r) => r.riskMetrics.expectedWinners, number],
  ['validation.expectedMoic', 'Expected MOIC, out of sample', (r) => r.validationMetrics?.expectedMoic, multiple],
  ['validation.lossProbability', 'Loss probability, out of sample', (r) => r.validationMetrics?.lossProbability, percent],
  ['validation.cvar', 'CVaR, out of sample', (r) => r.validationMetrics?.cvar, percent],
  ['netTvpi.mean', 'Net TVPI, mean', (r) => r.fundMetrics?.netTvpi.mean, times],
  ['netTvpi.p50', 'Net TVPI, P50', (r) => r.fundMetrics?.netTvpi.p50, times],
  ['netIrr.p50', 'Net IRR, P50', (r) => r.fundMetrics?.netIrr.p50, irr],
  ['totalFees', 'Management fees, fund life', (r) => r.fundMetrics?.totalFees, money],
];

function metricsTable(plans) {
  const body = table('compare-metrics', 'Gross and net metrics (net: after fees and carry, in sample)',
    ['Measure', ...plans.map((p) => p.label)]);
  for (const [key, label, read, format] of METRICS) {
    addRow(body, label, plans.map((p) => {
      const v = read(p.result);
      return v === undefined || v === null ? ['—', undefined] : [format(v), v];
    }), { metric: key });
  }
}

/** Charts are drawn to their figure's width: again when it changes. */
function draw() {
  if (!shown) {
    return;
  }
  distributions(shown);
  jCurves(shown);
}

function distributions(plans) {
  const moic = plans.map((p) => portfolioMoic(p.values, p.meta.bucketKeys, p.result.allocation));
  const end = Math.max(2, ...moic.map((m) => {
    const sorted = Float64Array.from(m).sort();
    return Math.ceil(sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] * 2) / 2;
  }));
  const width = end / BINS;
  const series = plans.map((p, i) => {
    const counts = new Array(BINS).fill(0);
    for (const v of moic[i]) {
      counts[Math.min(BINS - 1, Math.max(0, Math.floor(v / width)))]++;
    }
    return { id: p.sessionId, label: p.label, shares: counts.map((c) => c / moic[i].length) };
  });
  stepOverlay($('compare-moic'), {
    series,
    start: 0,
    binWidth: width,
    threshold: 1,
    format: (v) => multiple(v, 1),
    xLabel: 'Portfolio MOIC (×); the last range also holds every scenario above it',
    yLabel: 'Share of scenarios (%)',
    caption: 'Portfolio MOIC distributions over each plan\'s optimization scenarios; dashed line: 1× (money back)',
  });
}

function jCurves(plans) {
  const figure = $('compare-jcurve');
  const withFlows = plans.filter((p) => p.result.fundMetrics);
  const without = plans.filter((p) => !p.result.fundMetrics).map((p) => p.label);
  $('compare-jcurve-note').textContent = without.length
    ? `No J-curve for ${without.join(', ')}: a one-period or uploaded matrix has no cash flows in time.`
    : '';
  if (!withFlows.length) {
    figure.replaceChildren();
    return;
  }
  lineOverlay(figure, {
    series: withFlows.map((p) => ({
      id: p.sessionId,
      label: p.label,
      points: p.result.fundMetrics.jCurve.map((b) => ({ year: b.year, value: b.p50 })),
    })),
    yFormat: (v) => percent(v, 1),
    tickFormat: (v) => percent(v, 0),
    xLabel: 'Fund year',
    yLabel: 'LP net cash, P50 (% of commitments)',
    caption: 'J-curves: the median cumulative LP net cash flow by fund year, percent of commitments (in sample)',
    what: 'J-curve P50',
  });
}

let timer;
let width = innerWidth;
addEventListener('resize', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (innerWidth !== width) {
      width = innerWidth;
      draw();
    }
  }, 150);
});
