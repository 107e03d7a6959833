// The fund's plans (DESIGN 16): its sessions newest first, a page at a time, each completed one to open, to print as
// the investment-committee report, or to tick for a comparison of 2-4.

import { ApiError, getBlob, getJson, token } from './api.js';
import { closeComparison, comparePlans } from './compare.js';
import { download } from './export.js';
import { clearErrors, showErrors } from './form.js';
import { dateTime, multiple } from './format.js';

const $ = (id) => document.getElementById(id);
export const MAX_COMPARED = 4;

const list = {
  items: [],
  next: null,
  selected: new Set(),
  // a newer load makes the answers of older ones stale
  generation: 0,
  open: () => {},
};

/** Wires the panel; `open(sessionId)` shows a completed plan's result. */
export function initPlans({ open }) {
  list.open = open;
  $('plans-refresh').addEventListener('click', () => refreshPlans());
  $('plans-more').addEventListener('click', () => load(list.next));
  $('plans-limit').addEventListener('change', () => refreshPlans());
  $('fundId').addEventListener('change', () => refreshPlans());
  $('token').addEventListener('change', () => refreshPlans());
  $('compare-run').addEventListener('click', () => comparePlans(chosen()));
  $('compare-close').addEventListener('click', () => {
    closeComparison();
    $('compare-run').focus();
  });
  if (token()) {
    refreshPlans();
  } else {
    $('plans-status').textContent = 'Enter the API token to see the fund\'s plans.';
  }
}

/** Loads the first page again (after a session ends, or another fund or page size); ticks stay on listed plans. */
export function refreshPlans() {
  return load(null);
}

function query(cursor) {
  const q = new URLSearchParams();
  const fund = $('fundId').value.trim();
  if (fund) {
    q.set('fundId', fund);
  }
  q.set('limit', $('plans-limit').value.trim());
  if (cursor) {
    q.set('cursor', cursor);
  }
  return `/api/optimization/sessions?${q}`;
}

async function load(cursor) {
  const generation = ++list.generation;
  const panel = $('plans-panel');
  panel.dataset.state = 'loading';
  clearErrors(panel);
  $('plans-error').replaceChildren();
  let page;
  try {
    page = await getJson(query(cursor));
  } catch (e) {
    if (generation !== list.generation) {
      return;
    }
    panel.dataset.state = 'failed';
    const unplaced = e instanceof ApiError ? showErrors(panel, e.errors) : [];
    $('plans-error').textContent = e.status === 401
      ? 'Enter the API token to see the fund\'s plans.'
      : `The plans could not be listed: ${unplaced.length ? unplaced.map((u) => `${u.field}: ${u.message}`).join('; ') : e.message}`;
    return;
  }
  if (generation !== list.generation) {
    return;
  }
  list.items = cursor ? [...list.items, ...page.items] : page.items;
  list.next = page.nextCursor ?? null;
  const completed = new Set(list.items.filter((p) => p.status === 'COMPLETED').map((p) => p.sessionId));
  list.selected = new Set([...list.selected].filter((id) => completed.has(id)));
  render();
  panel.dataset.state = 'done';
}

function label(plan) {
  return plan.name ?? '(unnamed)';
}

/** The ticked plans in the list's order, labelled so that equal names stay told apart. */
function chosen() {
  const plans = list.items.filter((p) => list.selected.has(p.sessionId));
  const names = plans.map(label);
  return plans.map((p, i) => ({
    sessionId: p.sessionId,
    label: names.indexOf(names[i]) === names.lastIndexOf(names[i]) ? names[i] : `${names[i]} (${dateTime(p.createdAt)})`,
  }));
}

function render() {
  const body = $('plans').tBodies[0];
  body.replaceChildren();
  for (const plan of list.items) {
    body.append(planRow(plan));
  }
  $('plans-empty').hidden = list.items.length > 0;
  $('plans-more').hidden = !list.next;
  $('plans-status').textContent = `${list.items.length} plan${list.items.length === 1 ? '' : 's'} shown` +
    (list.next ? '; more below.' : '; that is all of them.');
  selectionChanged();
}

function td(content, attributes = {}) {
  const cell = document.createElement('td');
  cell.append(content);
  for (const [k, v] of Object.entries(attributes)) {
    if (v !== undefined && v !== null) {
      cell.setAttribute(k, v);
    }
  }
  return cell;
}

function planRow(plan) {
  const tr = document.createElement('tr');
  tr.dataset.session = plan.sessionId;
  tr.dataset.status = plan.status;
  const done = plan.status === 'COMPLETED';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.disabled = !done;
  box.checked = list.selected.has(plan.sessionId);
  box.setAttribute('aria-label', `Compare ${label(plan)}`);
  box.addEventListener('change', () => tick(plan, box));
  tr.append(td(box));
  const th = document.createElement('th');
  th.scope = 'row';
  if (done) {
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'link plan-open';
    open.textContent = label(plan);
    open.title = `Open this plan's result (session ${plan.sessionId})`;
    open.addEventListener('click', () => list.open(plan.sessionId));
    th.append(open);
  } else {
    th.textContent = label(plan);
  }
  th.classList.toggle('unnamed', plan.name == null);
  tr.append(th);
  tr.append(td(plan.status.replaceAll('_', ' ').toLowerCase(), { class: 'status' }));
  tr.append(td(dateTime(plan.createdAt), { 'data-value': plan.createdAt }));
  tr.append(td(plan.expectedMoic == null ? '—' : multiple(plan.expectedMoic), { class: 'num', 'data-value': plan.expectedMoic }));
  tr.append(td(plan.netTvpi == null ? '—' : multiple(plan.netTvpi, 2), { class: 'num', 'data-value': plan.netTvpi }));
  const report = document.createElement('span');
  if (done) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary report';
    b.textContent = 'Report';
    b.setAttribute('aria-label', `Report of ${label(plan)} (opens in a new tab)`);
    b.addEventListener('click', () => openReport(plan, b));
    report.append(b);
  }
  tr.append(td(report));
  return tr;
}

function tick(plan, box) {
  const note = $('plans-select-note');
  if (box.checked && list.selected.size >= MAX_COMPARED) {
    box.checked = false;
    note.textContent = `At most ${MAX_COMPARED} plans can be compared: untick one before adding ${label(plan)}.`;
    note.dataset.refused = 'true';
    return;
  }
  if (box.checked) {
    list.selected.add(plan.sessionId);
  } else {
    list.selected.delete(plan.sessionId);
  }
  selectionChanged();
}

function selectionChanged() {
  const n = list.selected.size;
  const note = $('plans-select-note');
  delete note.dataset.refused;
  note.textContent = n < 2 ? `Tick 2 to ${MAX_COMPARED} completed plans to compare them (${n} ticked).` : `${n} plans ticked.`;
  $('compare-run').disabled = n < 2;
  $('compare-run').textContent = `Compare selected (${n})`;
}

/**
 * The report needs the token, so a plain link cannot fetch it: it is fetched like every call and opened from a Blob
 * URL in a new tab, or saved as a file where the browser blocks the tab.
 */
async function openReport(plan, button) {
  button.disabled = true;
  $('plans-error').replaceChildren();
  try {
    const blob = await getBlob(`/api/optimization/result/${plan.sessionId}/report`, 'text/html');
    const url = URL.createObjectURL(new Blob([blob], { type: 'text/html' }));
    if (!window.open(url, '_blank')) {
      download(`report-${plan.sessionId}.html`, 'text/html', await blob.text());
    }
    // the tab has read it well before then
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    $('plans-error').textContent = `The report could not be opened: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}
