// The LP view of a round-by-round result (DESIGN 14): gross against net of fees and carry, the J-curve and DPI by
// fund year. A one-period result has no fundMetrics (no cash flows in time), and the section says so instead.

import { fanChart, intervalChart } from './charts.js';
import { integer, money, multiple, percent } from './format.js';

const $ = (id) => document.getElementById(id);

/** The API's defaults (FundTermsRequest), for the terms the page did not send. */
export const DEFAULT_TERMS = { managementFeeRate: 0.02, postPeriodFeeRate: 0.015, carryRate: 0.2, hurdleRate: 0.08, catchUp: 1 };

const times = (v) => multiple(v, 2);
const share = (v) => percent(v, 1);
const irr = (v) => (v == null ? '—' : percent(v, 1));

/** Each summary row: its path in FundMetricsView (also the row's data-metric), label, and how it reads. */
const ROWS = [
  ...['mean', 'p10', 'p50', 'p90'].map((s) => [`grossMultiple.${s}`, `Gross multiple, ${label(s)}`, times]),
  ...['mean', 'p10', 'p50', 'p90'].map((s) => [`netTvpi.${s}`, `Net TVPI, ${label(s)}`, times]),
  ...['p10', 'p50', 'p90'].map((s) => [`netIrr.${s}`, `Net IRR, ${label(s)}`, irr]),
  ['netIrr.undefinedShare', 'Net IRR undefined', (v) => `no IRR in ${share(v)} of scenarios`],
  ...['1', '2', '3'].map((k) => [`probabilityNetTvpiAtLeast.${k}`, `P(net TVPI ≥ ${k}×)`, share]),
  ['expectedCarry', 'Expected carry (to the GP)', money],
  ['totalFees', 'Management fees, fund life', money],
  ['investableCapital', 'Investable capital (fund − fees)', money],
];

function label(stat) {
  return stat === 'mean' ? 'mean' : stat.toUpperCase();
}

function at(metrics, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), metrics);
}

function cell(tag, text, cls) {
  const c = document.createElement(tag);
  c.textContent = text;
  if (cls) {
    c.className = cls;
  }
  return c;
}

/** The fund terms a request used, blanks filled with the API's defaults. */
export function termsUsed(request) {
  return { ...DEFAULT_TERMS, ...(request?.fundTerms ?? {}) };
}

/** Shows the LP section for a result with fundMetrics, or the one line saying why there is none. */
export function renderLp(result, request) {
  const fm = result.fundMetrics;
  $('lp-panel').hidden = !fm;
  $('lp-absent').hidden = Boolean(fm);
  $('lp-panel').dataset.state = fm ? 'done' : 'absent';
  if (!fm) {
    return;
  }
  const oos = result.validationMetrics?.fundMetrics;
  // the result's own terms (every field filled in); a result stored before it carried them: the request's
  const t = result.fundTerms ?? (request ? termsUsed(request) : null);
  $('lp-terms').textContent = !t
    ? `The fund terms are the plan's own (its report lists them). Weights split the investable capital, ${money(fm.investableCapital)}.`
    : `Management fee ${share(t.managementFeeRate)} a year while investing, ` +
    `${share(t.postPeriodFeeRate)} after; carry ${share(t.carryRate)} over a ${share(t.hurdleRate)} hurdle, ` +
    `catch-up ${percent(t.catchUp, 0)}. Weights split the investable capital, ${money(fm.investableCapital)}.`;
  summaryTable(fm, oos, result.validationMetrics?.scenarios);
  const undefinedOos = oos ? `, ${share(oos.netIrr.undefinedShare)} out of sample` : '';
  $('lp-note').textContent = 'Net IRR is taken over the scenarios that have one: no IRR in ' +
    `${share(fm.netIrr.undefinedShare)} of scenarios in sample${undefinedOos} (their LP flows never change sign). ` +
    'TVPI counts the net asset value at the horizon; DPI counts only what was paid out.';
  drawLp(result);
}

function summaryTable(fm, oos, oosScenarios) {
  const table = $('lp-summary');
  table.replaceChildren();
  table.createCaption().textContent = 'Gross against net of fees and carry' +
    (oos ? ` (out of sample: ${integer(oosScenarios)} fresh scenarios)` : ' (no out-of-sample figures)');
  const head = table.createTHead().insertRow();
  for (const h of ['Measure', 'In sample', 'Out of sample']) {
    head.append(cell('th', h, h === 'Measure' ? undefined : 'num'));
    head.lastChild.scope = 'col';
  }
  const body = table.createTBody();
  for (const [path, text, format] of ROWS) {
    const tr = body.insertRow();
    tr.dataset.metric = path;
    const th = cell('th', text);
    th.scope = 'row';
    tr.append(th);
    for (const m of [fm, oos]) {
      const v = m ? at(m, path) : undefined;
      const td = cell('td', v === undefined ? '—' : format(v), 'num');
      if (v !== undefined && v !== null) {
        td.dataset.value = v;
      }
      tr.append(td);
    }
  }
}

/** The charts, drawn to their figures' width (again on resize). */
export function drawLp(result) {
  const fm = result.fundMetrics;
  if (!fm) {
    return;
  }
  const spread = (d) => ({ mean: d.mean, p10: d.p10, p50: d.p50, p90: d.p90 });
  intervalChart($('tvpi-chart'), {
    rows: [
      { label: 'Gross multiple', cls: 'gross', ...spread(fm.grossMultiple) },
      { label: 'Net TVPI', cls: 'net', ...spread(fm.netTvpi) },
    ],
    format: (v) => multiple(v, 1),
    xLabel: 'Multiple of capital (×): gross of invested, net of paid-in',
    caption: 'Gross multiple against net TVPI (in sample): P10–P90, P50 and mean',
    reference: 1,
    referenceLabel: '1×: money back',
  });
  fanChart($('jcurve'), {
    bands: fm.jCurve,
    yFormat: share,
    tickFormat: (v) => percent(v, 0),
    xLabel: 'Fund year',
    yLabel: 'LP net cash (% of commitments)',
    caption: 'J-curve: cumulative LP distributions minus capital calls, percent of commitments, by fund year (in sample)',
    what: 'J-curve',
  });
  fanChart($('dpi-chart'), {
    bands: fm.netDpiByYear,
    yFormat: times,
    tickFormat: (v) => multiple(v, 1),
    xLabel: 'Fund year',
    yLabel: 'Net DPI (× paid-in)',
    caption: 'DPI: cumulative LP distributions over paid-in capital, by fund year (in sample)',
    what: 'net DPI',
  });
}

/** Rows for the evaluation's comparison table when both sides have LP metrics: [label, mine, optimum, difference]. */
export function comparisonRows(evaluation, result) {
  const mine = evaluation.fundMetrics;
  const best = result.fundMetrics;
  if (!mine || !best) {
    return [];
  }
  const diff = (a, b, f) => (a == null || b == null ? '—' : (a - b >= 0 ? '+' : '−') + f(Math.abs(a - b)));
  return [
    ['Net TVPI, mean', times(mine.netTvpi.mean), times(best.netTvpi.mean), diff(mine.netTvpi.mean, best.netTvpi.mean, times)],
    ['Net TVPI, P50', times(mine.netTvpi.p50), times(best.netTvpi.p50), diff(mine.netTvpi.p50, best.netTvpi.p50, times)],
    ['Net IRR, P50', irr(mine.netIrr.p50), irr(best.netIrr.p50), diff(mine.netIrr.p50, best.netIrr.p50, share)],
  ];
}

/** Portfolio-level LP columns appended to each row of the allocation CSV (empty for a one-period result). */
export const CSV_COLUMNS = ['grossMultipleMean', 'netTvpiMean', 'netTvpiP10', 'netTvpiP50', 'netTvpiP90', 'netIrrP50',
  'probabilityNetTvpiAtLeast1', 'expectedCarry', 'totalFees', 'investableCapital'];

export function csvValues(result) {
  const fm = result.fundMetrics;
  if (!fm) {
    return CSV_COLUMNS.map(() => '');
  }
  return [fm.grossMultiple.mean, fm.netTvpi.mean, fm.netTvpi.p10, fm.netTvpi.p50, fm.netTvpi.p90, fm.netIrr.p50 ?? '',
    fm.probabilityNetTvpiAtLeast['1'], fm.expectedCarry, fm.totalFees, fm.investableCapital];
}
