// The fund form: editable bucket and bound rows, the request body it describes, and the server's field errors shown
// next to the fields they name.

import { detailRow, readDetail, renumberDetail } from './policy.js';

export const STAGES = ['Seed', 'SeriesA', 'SeriesB', 'SeriesC'];
export const ROUND_BY_ROUND = 'round_by_round_v1';

/** Each bucket row's detail row (follow-on policy, reserve options), which moves and goes with it. */
const details = new WeakMap();

let uid = 0;

/** A form control with a screen-reader label, in the span the table cells lay out. */
function labelled(label, control) {
  const id = `f${++uid}`;
  const wrap = document.createElement('span');
  wrap.className = 'cell-field';
  const l = document.createElement('label');
  l.htmlFor = id;
  l.className = 'sr-only';
  l.textContent = label;
  // what the label says after "Bucket n", so renumbering can keep n right
  l.dataset.what = label.replace(/^Bucket \d+ /, '');
  control.id = id;
  wrap.append(l, control);
  return wrap;
}

function input(type, field, label, value = '') {
  const i = document.createElement('input');
  i.type = type;
  if (type === 'number') {
    i.step = 'any';
  }
  i.value = value;
  i.dataset.role = field;
  return labelled(label, i);
}

function stageSelect(label, value) {
  const s = document.createElement('select');
  s.dataset.role = 'stage';
  for (const stage of STAGES) {
    s.append(new Option(stage, stage, false, stage === value));
  }
  return labelled(label, s);
}

function removeButton(label, onRemove) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'remove';
  b.textContent = '×';
  b.setAttribute('aria-label', label);
  b.addEventListener('click', onRemove);
  return b;
}

function cells(tr, nodes) {
  for (const node of nodes) {
    const td = document.createElement('td');
    td.append(node);
    tr.append(td);
  }
}

/** A bucket: its row, and below it the detail row with the round-by-round fields (`initial` as in the API). */
export function addBucketRow(tbody, { sector = '', stage = 'Seed', initialCheck = '', reserveRatio = '', ...initial } = {}) {
  const n = tbody.querySelectorAll('tr.bucket-row').length + 1;
  const tr = document.createElement('tr');
  tr.className = 'bucket-row';
  cells(tr, [
    input('text', 'sector', `Bucket ${n} sector`, sector),
    stageSelect(`Bucket ${n} entry stage`, stage),
    input('number', 'initialCheck', `Bucket ${n} initial check`, initialCheck),
    input('number', 'reserveRatio', `Bucket ${n} reserve ratio`, reserveRatio),
    removeButton(`Remove bucket ${n}`, () => {
      details.get(tr).remove();
      renumber(tbody, tr);
    }),
  ]);
  const detail = detailRow(tr.cells.length, initial, () => tr.querySelector('[data-role=reserveRatio]').value);
  details.set(tr, detail);
  tbody.append(tr, detail);
  showModel(tbody.closest('form'));
  renumber(tbody);
  return tr;
}

export function addSectorRow(tbody, { sector = '', min = '', max = '' } = {}) {
  const n = tbody.rows.length + 1;
  const tr = document.createElement('tr');
  tr.className = 'sector-row';
  cells(tr, [
    input('text', 'sector', `Sector bound ${n} sector`, sector),
    input('number', 'min', `Sector bound ${n} minimum share`, min),
    input('number', 'max', `Sector bound ${n} maximum share`, max),
    removeButton(`Remove sector bound ${n}`, () => renumber(tbody, tr)),
  ]);
  tbody.append(tr);
  renumber(tbody);
  return tr;
}

export function fillStageRows(tbody) {
  for (const stage of STAGES) {
    const tr = document.createElement('tr');
    tr.className = 'stage-row';
    tr.dataset.stage = stage;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = stage;
    tr.append(th);
    cells(tr, [input('number', 'min', `${stage} minimum share`), input('number', 'max', `${stage} maximum share`)]);
    tbody.append(tr);
  }
  renumber(tbody);
}

/** Drops a removed row, then gives every row and input the request path it stands for (for field errors). */
function renumber(tbody, removed) {
  removed?.remove();
  [...tbody.querySelectorAll(':scope > tr:not(.error-row, .bucket-detail)')].forEach((tr, i) => {
    const sector = tr.querySelector('[data-role=sector]');
    let base;
    if (tr.classList.contains('bucket-row')) {
      base = `buckets[${i}]`;
      renumberDetail(details.get(tr), i + 1, base);
      tr.querySelectorAll('label[data-what]').forEach((l) => {
        l.textContent = `Bucket ${i + 1} ${l.dataset.what}`;
      });
      tr.querySelector('.remove').setAttribute('aria-label', `Remove bucket ${i + 1}`);
    } else if (tr.classList.contains('sector-row')) {
      base = `constraints.sectorBounds.${sector.value.trim()}`;
      sector.onchange = () => renumber(tbody);
    } else {
      base = `constraints.stageBounds.${tr.dataset.stage}`;
    }
    tr.dataset.field = base;
    for (const control of tr.querySelectorAll('input, select')) {
      if (!(tr.classList.contains('sector-row') && control.dataset.role === 'sector')) {
        control.dataset.field = `${base}.${control.dataset.role}`;
      }
    }
  });
}

function num(control) {
  const raw = control.value.trim();
  return raw === '' ? undefined : Number(raw);
}

function bounds(tr) {
  const min = num(tr.querySelector('[data-role=min]'));
  const max = num(tr.querySelector('[data-role=max]'));
  return min === undefined && max === undefined ? undefined : { min, max };
}

/** The optimization request the form describes; empty fields are left out (the API's defaults apply). */
export function readRequest(form) {
  const $ = (id) => form.querySelector(`#${id}`);
  const constraints = {
    maxLossProbability: num($('maxLossProbability')),
    cvarLimit: num($('cvarLimit')),
    cvarConfidence: num($('cvarConfidence')),
    minExpectedWinners: num($('minExpectedWinners')),
    bucketMaxWeight: num($('bucketMaxWeight')),
    wholeDeals: $('wholeDeals').checked,
    minDealsPerBucket: num($('minDealsPerBucket')),
  };
  const sectorBounds = {};
  renumber($('sector-rows'));
  for (const tr of $('sector-rows').rows) {
    const name = tr.querySelector('[data-role=sector]').value.trim();
    const b = bounds(tr);
    if (name && b) {
      sectorBounds[name] = b;
    }
  }
  const stageBounds = {};
  for (const tr of $('stage-rows').rows) {
    const b = bounds(tr);
    if (b) {
      stageBounds[tr.dataset.stage] = b;
    }
  }
  if (Object.keys(sectorBounds).length) {
    constraints.sectorBounds = sectorBounds;
  }
  if (Object.keys(stageBounds).length) {
    constraints.stageBounds = stageBounds;
  }
  const request = {
    // blank means no name: the API refuses a blank one
    name: $('planName').value.trim() || undefined,
    fundId: $('fundId').value.trim() || undefined,
    fundSize: num($('fundSize')),
    constraints,
    validationScenarios: num($('validationScenarios')),
  };
  if (form.querySelector('input[name=source]:checked').value === 'stored') {
    request.matrixKey = $('matrixKey').value.trim() || undefined;
  } else {
    // the model is always named, so the page does not depend on the server's default
    request.simModel = $('simModel').value;
    const rounds = request.simModel === ROUND_BY_ROUND;
    if (rounds) {
      const fund = {
        investmentPeriodYears: num($('investmentPeriodYears')),
        termYears: num($('termYears')),
        extensionYears: num($('extensionYears')),
      };
      request.fund = Object.values(fund).some((v) => v !== undefined) ? fund : undefined;
    }
    request.buckets = [...$('bucket-rows').querySelectorAll('tr.bucket-row')].map((tr) => ({
      sector: tr.querySelector('[data-role=sector]').value.trim(),
      stage: tr.querySelector('[data-role=stage]').value,
      initialCheck: num(tr.querySelector('[data-role=initialCheck]')),
      reserveRatio: num(tr.querySelector('[data-role=reserveRatio]')),
      // the one-period model refuses the round-by-round fields, so they are not sent for it
      ...(rounds ? readDetail(details.get(tr)) : {}),
    }));
    request.scenarioCount = num($('scenarioCount'));
  }
  if (!$('fund-terms').hidden) {
    request.fundTerms = readTerms(form);
  }
  return request;
}

export const TERMS = ['managementFeeRate', 'postPeriodFeeRate', 'carryRate', 'hurdleRate', 'catchUp'];

/** The fund terms typed in (blank ones left out, for the API's defaults), or undefined when none is. */
function readTerms(form) {
  const terms = {};
  for (const name of TERMS) {
    const v = num(form.querySelector(`#${name}`));
    if (v !== undefined) {
      terms[name] = v;
    }
  }
  return Object.keys(terms).length ? terms : undefined;
}

/**
 * Shows the round-by-round parts (fund timeline, bucket details) only while that model is chosen; the fund terms also
 * for a stored matrix, which may be round by round (a one-period one ignores them).
 */
export function showModel(form) {
  const rounds = form.querySelector('#simModel').value === ROUND_BY_ROUND;
  for (const part of form.querySelectorAll('.round-only')) {
    part.hidden = !rounds;
  }
  const stored = form.querySelector('input[name=source]:checked')?.value === 'stored';
  form.querySelector('#fund-terms').hidden = !(rounds || stored);
}

export function clearErrors(root) {
  root.querySelectorAll('.field-error, .error-row').forEach((e) => e.remove());
  root.querySelectorAll('[aria-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    e.removeAttribute('aria-describedby');
  });
  root.querySelectorAll('.has-error').forEach((e) => e.classList.remove('has-error'));
}

/** The element standing for a request path, or for the nearest enclosing path (buckets[2] for buckets[2].x.y). */
function target(root, field) {
  const byField = new Map([...root.querySelectorAll('[data-field]')].map((e) => [e.dataset.field, e]));
  let path = field;
  while (path) {
    const hit = byField.get(path);
    if (hit && !hit.closest('[hidden]')) {
      return hit;
    }
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    path = cut > 0 ? path.slice(0, cut) : '';
  }
  return undefined;
}

/**
 * Puts each field error next to its field (an input, a table row or a group note); returns the ones no field on the
 * page stands for.
 */
export function showErrors(root, errors) {
  const unplaced = [];
  let first;
  for (const { field, message } of errors) {
    const where = target(root, field);
    if (!where) {
      unplaced.push({ field, message });
      continue;
    }
    const p = document.createElement('p');
    p.className = 'field-error';
    p.id = `err-${++uid}`;
    p.dataset.errorFor = field;
    p.textContent = message;
    // an error inside a bucket's closed details opens them, so it is seen
    const closed = where.closest('details:not([open])');
    if (closed) {
      closed.open = true;
    }
    const controls = where.matches('input, select') ? [where] : [...where.querySelectorAll('input, select')];
    if (where.tagName === 'TR') {
      const row = document.createElement('tr');
      row.className = 'error-row';
      const td = document.createElement('td');
      td.colSpan = where.cells.length;
      td.append(p);
      row.append(td);
      where.after(row);
      where.classList.add('has-error');
    } else if (where.matches('input, select')) {
      where.closest('.cell-field, .field')?.append(p) ?? where.after(p);
    } else {
      where.append(p);
      where.classList.add('has-error');
    }
    for (const control of controls) {
      control.setAttribute('aria-invalid', 'true');
      const before = control.getAttribute('aria-describedby');
      control.setAttribute('aria-describedby', before ? `${before} ${p.id}` : p.id);
    }
    first ??= controls[0];
  }
  first?.focus();
  return unplaced;
}
