// Wires the page: form → optimization request → status polling → results, frontier, evaluation and export.

import { ApiError, getJson, getMoic, postJson, setToken, takeTokenFromAddress, token } from './api.js';
import { frontierChart } from './charts.js';
import { addBucketRow, addSectorRow, clearErrors, fillStageRows, readRequest, showErrors, showModel } from './form.js';
import { multiple, percent, rowLabel, setCurrency } from './format.js';
import { exportCsv, exportJson } from './export.js';
import * as lp from './lp.js';
import * as plans from './plans.js';
import * as results from './results.js';
import { renderSensitivity } from './sensitivity.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 500;
const FUND_KEY = 'vcportfolio.fundId';

const state = {
  // the session the page started and follows: {id, request}
  running: null,
  result: null,
  request: null,
  polling: null,
  evaluation: null,
  frontier: null,
  moic: null,
};

function init() {
  takeTokenFromAddress();
  $('token').value = token();
  $('token').addEventListener('input', (e) => setToken(e.target.value.trim()));
  // One fund id per browser unless changed: it is part of a simulated matrix's key, so repeats reuse the matrix.
  $('fundId').value = localStorage.getItem(FUND_KEY) ?? '';
  localStorage.setItem(FUND_KEY, $('fundId').value);
  $('fundId').addEventListener('change', (e) => localStorage.setItem(FUND_KEY, e.target.value.trim()));
  $('currency').addEventListener('change', (e) => {
    setCurrency(e.target.value);
    if (state.result) {
      results.renderAllocation(state.result);
    }
  });
  const buckets = $('bucket-rows');
  addBucketRow(buckets, { sector: 'SaaS', stage: 'Seed', initialCheck: 1500000, reserveRatio: 1 });
  addBucketRow(buckets, { sector: 'SaaS', stage: 'SeriesA', initialCheck: 4000000, reserveRatio: 0.8 });
  addBucketRow(buckets, { sector: 'Fintech', stage: 'Seed', initialCheck: 2000000, reserveRatio: 1 });
  $('add-bucket').addEventListener('click', () => addBucketRow(buckets).querySelector('input').focus());
  $('add-sector').addEventListener('click', () => addSectorRow($('sector-rows')).querySelector('input').focus());
  fillStageRows($('stage-rows'));
  $('simModel').addEventListener('change', () => showModel($('fund-form')));
  showModel($('fund-form'));
  for (const radio of document.querySelectorAll('input[name=source]')) {
    radio.addEventListener('change', () => {
      const stored = radio.value === 'stored' && radio.checked;
      $('simulate-part').hidden = stored;
      $('scenario-count-field').hidden = stored;
      $('stored-part').hidden = !stored;
      showModel($('fund-form'));
    });
  }
  plans.initPlans({ open: (id) => show(id, null) });
  $('fund-form').addEventListener('submit', (e) => {
    e.preventDefault();
    optimize();
  });
  $('cancel').addEventListener('click', cancel);
  $('frontier-run').addEventListener('click', () => frontier());
  $('evaluate-form').addEventListener('submit', (e) => {
    e.preventDefault();
    evaluate();
  });
  $('export-csv').addEventListener('click', () => exportCsv(state.result));
  $('export-json').addEventListener('click', () => exportJson(state.result, state.request));
  let timer;
  let width = innerWidth;
  addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (innerWidth !== width) {
        width = innerWidth;
        redraw();
      }
    }, 150);
  });
}

/** Charts are drawn to their figure's width: draw them again when it changes. */
function redraw() {
  if (!state.result) {
    return;
  }
  results.renderAllocation(state.result);
  if (state.moic) {
    results.renderHistogram(state.moic, confidence(state.result), state.result.riskMetrics.cvar);
  }
  lp.drawLp(state.result);
  drawFrontier();
}

/** Shows a refused call: field errors beside their fields, the rest (and the summary) in the form's error box. */
function showProblem(root, box, error) {
  clearErrors(root);
  box.replaceChildren();
  if (!(error instanceof ApiError)) {
    box.textContent = error.message;
    return;
  }
  const unplaced = showErrors(root, error.errors);
  const p = document.createElement('p');
  const placed = error.errors.length - unplaced.length;
  p.textContent = placed
    ? `${error.problem.title ?? 'Refused'}: ${placed} field${placed > 1 ? 's' : ''} need${placed > 1 ? '' : 's'} attention.`
    : `${error.problem.title ?? 'Refused'}: ${error.problem.detail ?? ''}`;
  box.append(p);
  if (unplaced.length) {
    const ul = document.createElement('ul');
    for (const { field, message } of unplaced) {
      const li = document.createElement('li');
      li.textContent = field ? `${field}: ${message}` : message;
      ul.append(li);
    }
    box.append(ul);
  }
}

function setBusy(busy) {
  $('optimize').disabled = busy;
  $('cancel').hidden = !busy;
  $('progress-box').hidden = false;
}

function progress(step, pct) {
  $('progress').value = pct;
  $('progress-step').textContent = step.replaceAll('_', ' ');
  $('progress-text').textContent = `${Math.round(pct)} %`;
}

async function optimize() {
  const form = $('fund-form');
  clearErrors(form);
  $('form-error').replaceChildren();
  clearTimeout(state.polling);
  const request = readRequest(form);
  $('optimize').disabled = true;
  $('progress-box').hidden = false;
  progress('sending request', 0);
  let accepted;
  try {
    accepted = await postJson('/api/optimization/request', request, { 'Idempotency-Key': crypto.randomUUID() });
  } catch (e) {
    $('optimize').disabled = false;
    $('progress-box').hidden = true;
    showProblem(form, $('form-error'), e);
    return;
  }
  state.running = { id: accepted.sessionId, request };
  plans.refreshPlans();
  $('results').dataset.state = 'running';
  setBusy(true);
  progress('requested', 0);
  poll();
}

async function poll() {
  let status;
  try {
    status = await getJson(`/api/optimization/status/${state.running.id}`);
  } catch (e) {
    fail(`Could not read the session's status: ${e.message}`);
    return;
  }
  progress(status.progress.step, status.progress.percent);
  switch (status.status) {
    case 'COMPLETED':
      await completed();
      return;
    case 'FAILED':
      plans.refreshPlans();
      fail(`The optimization failed: ${status.errorReason ?? 'no reason given'}`);
      return;
    case 'CANCELLED':
      plans.refreshPlans();
      fail('The optimization was cancelled.');
      return;
    default:
      state.polling = setTimeout(poll, POLL_MS);
  }
}

function fail(message) {
  setBusy(false);
  $('results').dataset.state = 'failed';
  $('form-error').textContent = message;
}

async function cancel() {
  clearTimeout(state.polling);
  try {
    await postJson(`/api/optimization/${state.running.id}/cancel`);
  } catch (e) {
    // a session that ended meanwhile is not an error worth more than a note
    $('form-error').textContent = e.message;
  }
  poll();
}

async function completed() {
  setBusy(false);
  // the list shows the new plan's figures, and it can be compared
  plans.refreshPlans();
  await show(state.running.id, state.running.request);
}

/**
 * Shows a completed session's result. `request` is what this page sent for it; null for a plan opened from the list,
 * whose fund terms the result does not carry (the LP view then says so).
 */
async function show(id, request) {
  let result;
  try {
    result = await getJson(`/api/optimization/result/${id}`);
  } catch (e) {
    fail(`Could not read the result: ${e.message}`);
    return;
  }
  state.request = request;
  state.result = result;
  state.evaluation = null;
  state.frontier = null;
  state.moic = null;
  $('results-empty').hidden = true;
  $('results-body').hidden = false;
  $('result-name').textContent = result.name ?? '(unnamed)';
  $('session-id').textContent = result.sessionId;
  $('result-matrix').textContent = result.matrixKey;
  results.renderAllocation(result);
  results.renderMetrics(result);
  lp.renderLp(result, state.request);
  results.constraintTable($('constraints'), result.constraintReport, 'Every limit: binding, slack, relaxed or violated');
  results.renderRelaxations(result.relaxationLog);
  renderSensitivity(result);
  fillCurrentWeights(result);
  $('comparison').hidden = true;
  $('results').dataset.state = 'done';
  $('results').focus();
  await Promise.all([distribution(result), frontier()]);
}

function confidence(result) {
  return result.solverMetadata?.appliedLimits?.cvarConfidence ?? state.request?.constraints?.cvarConfidence ?? 0.95;
}

async function distribution(result) {
  const figure = $('histogram');
  figure.dataset.state = 'loading';
  try {
    const [meta, matrix] = await Promise.all([
      getJson(`/api/matrices/${result.matrixKey}`),
      getMoic(result.matrixKey),
    ]);
    state.moic = results.portfolioMoic(matrix, meta.bucketKeys, result.allocation);
    results.renderHistogram(state.moic, confidence(result), result.riskMetrics.cvar);
    figure.dataset.state = 'done';
  } catch (e) {
    figure.dataset.state = 'failed';
    figure.textContent = `The distribution could not be drawn: ${e.message}`;
  }
}

async function frontier() {
  const result = state.result;
  const status = $('frontier-status');
  const figure = $('frontier');
  figure.dataset.state = 'loading';
  status.textContent = 'Computing the efficient frontier (one optimization per point)…';
  clearErrors($('frontier-points').closest('.inline-form'));
  // The limits the chosen portfolio meets (relaxed ones as relaxed), so a relaxed request still has a frontier and
  // the chosen portfolio lies on or under it; the frontier sets the CVaR limit itself, point by point.
  const constraints = { ...(result.solverMetadata?.appliedLimits ?? state.request?.constraints ?? {}) };
  delete constraints.cvarLimit;
  try {
    state.frontier = await postJson('/api/optimization/frontier', {
      matrixKey: result.matrixKey,
      fundSize: result.fundSize,
      constraints,
      points: Number($('frontier-points').value),
      fundTerms: state.request?.fundTerms,
    });
  } catch (e) {
    figure.dataset.state = 'failed';
    status.textContent = e instanceof ApiError && e.errors.length ? '' : `No frontier: ${e.message}`;
    showErrors($('frontier-points').closest('.inline-form'), e.errors ?? []);
    return;
  }
  status.textContent = `CVaR at ${percent(state.frontier.cvarConfidence, 0)} confidence, from ${percent(state.frontier.tightestCvar)} (tightest feasible) to ${percent(state.frontier.loosestCvar)} (no CVaR limit).`;
  drawFrontier();
  figure.dataset.state = 'done';
}

function drawFrontier() {
  if (!state.frontier) {
    return;
  }
  const markers = [{ x: state.result.riskMetrics.cvar, y: state.result.expectedMoic, label: 'chosen', cls: 'chosen' }];
  if (state.evaluation) {
    markers.push({ x: state.evaluation.riskMetrics.cvar, y: state.evaluation.expectedMoic, label: 'mine', cls: 'mine' });
  }
  frontierChart($('frontier'), {
    points: state.frontier.points.map((p) => ({ x: p.cvar, y: p.expectedMoic })),
    markers,
    xFormat: (v) => percent(v, 1),
    yFormat: (v) => multiple(v, 2),
    xLabel: `CVaR: mean loss in the worst ${percent(1 - state.frontier.cvarConfidence, 0)} (% of capital)`,
    yLabel: 'Expected MOIC (×)',
    caption: 'Efficient frontier: best expected MOIC for each CVaR; ◆ chosen portfolio' +
      (state.evaluation ? ', ◆ my allocation' : ''),
  });
}

function fillCurrentWeights(result) {
  const body = $('current-weights').tBodies[0];
  body.replaceChildren();
  const even = Math.round(10000 / result.allocation.length) / 100;
  result.allocation.forEach((a, i) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.append(results.rowHeading(a.bucketKey));
    const td = document.createElement('td');
    const id = `w-${i}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.className = 'sr-only';
    label.textContent = `My weight in ${rowLabel(a.bucketKey)} (%)`;
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.id = id;
    input.dataset.bucket = a.bucketKey;
    input.dataset.field = `weights.${a.bucketKey}`;
    const last = i === result.allocation.length - 1;
    input.value = last ? Math.round((100 - even * (result.allocation.length - 1)) * 100) / 100 : even;
    td.append(label, input);
    tr.append(th, td);
    body.append(tr);
  });
}

async function evaluate() {
  const form = $('evaluate-form');
  clearErrors(form);
  $('evaluate-error').replaceChildren();
  const weights = {};
  for (const input of form.querySelectorAll('input[data-bucket]')) {
    const v = input.value.trim();
    weights[input.dataset.bucket] = v === '' ? undefined : Number(v) / 100;
  }
  try {
    state.evaluation = await postJson('/api/portfolio/evaluate', {
      matrixKey: state.result.matrixKey,
      fundSize: state.result.fundSize,
      weights,
      constraints: state.request?.constraints,
      // the same terms as the session's, so the net figures compare like with like
      fundTerms: state.request?.fundTerms,
    });
  } catch (e) {
    showProblem(form, $('evaluate-error'), e);
    return;
  }
  results.renderComparison(state.result, state.evaluation, lp.comparisonRows(state.evaluation, state.result));
  drawFrontier();
}

init();
