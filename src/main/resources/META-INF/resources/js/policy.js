// A bucket's round-by-round details (DESIGN 13): entry valuation, follow-on policy and reserve options. Each bucket row
// of the form has one detail row below it, a <details> whose summary says the policy in words.

export const MAX_OPTIONS = 4;
const MODES = [['proRata', 'Pro rata'], ['fixed', 'Fixed']];

let uid = 0;

function num(control) {
  const raw = control.value.trim();
  return raw === '' ? undefined : Number(raw);
}

/** A control with a visible label above it; `role` is its path inside the bucket or option (followOn.mode). */
function field(role, label, control, { value = '', placeholder = '' } = {}) {
  const id = `p${++uid}`;
  const wrap = document.createElement('div');
  wrap.className = 'field';
  wrap.dataset.wrap = role;
  const l = document.createElement('label');
  l.htmlFor = id;
  l.textContent = label;
  control.id = id;
  control.dataset.role = role;
  if (control.tagName === 'INPUT') {
    control.value = value;
    control.placeholder = placeholder;
  }
  wrap.append(l, control);
  return wrap;
}

function numberInput(step = 'any') {
  const i = document.createElement('input');
  i.type = 'number';
  i.step = step;
  i.inputMode = step === 'any' ? 'decimal' : 'numeric';
  return i;
}

function textInput() {
  const i = document.createElement('input');
  i.type = 'text';
  i.spellcheck = false;
  i.autocomplete = 'off';
  return i;
}

function modeSelect(value) {
  const s = document.createElement('select');
  for (const [mode, text] of MODES) {
    s.append(new Option(text, mode, false, mode === value));
  }
  return s;
}

function fieldset(cls, legend) {
  const f = document.createElement('fieldset');
  f.className = cls;
  const l = document.createElement('legend');
  l.append(legend);
  f.append(l);
  return f;
}

/**
 * Mode, multiple (fixed only), participation and rounds, for a grid; blank fields take the API's defaults (every
 * round, always).
 */
function followOnFields({ mode = 'proRata', multiple = '', participation = '', rounds = '' } = {}) {
  const select = modeSelect(mode);
  const multipleField = field('followOn.multiple', 'Multiple', numberInput(), { value: multiple, placeholder: '× initial' });
  // a pro-rata cheque is sized by the round, so a multiple would be refused; hidden fields are not sent
  const showMultiple = () => {
    multipleField.hidden = select.value !== 'fixed';
  };
  select.addEventListener('change', showMultiple);
  showMultiple();
  return [
    field('followOn.mode', 'Follow-on', select),
    multipleField,
    field('followOn.participation', 'Participation', numberInput(), { value: participation, placeholder: '1 = always' }),
    field('followOn.rounds', 'Rounds', numberInput('1'), { value: rounds, placeholder: 'all' }),
  ];
}

function readFollowOn(container) {
  const get = (role) => container.querySelector(`[data-role='followOn.${role}']`);
  const mode = get('mode').value;
  const followOn = {
    mode,
    multiple: mode === 'fixed' ? num(get('multiple')) : undefined,
    participation: num(get('participation')),
    rounds: num(get('rounds')),
  };
  // the plain default (pro rata, every round, always) is what the API does without the field
  const isDefault = mode === 'proRata' && followOn.participation === undefined && followOn.rounds === undefined;
  return isDefault ? undefined : followOn;
}

function describeFollowOn(container) {
  const f = readFollowOn(container);
  if (!f) {
    return 'pro rata';
  }
  const parts = [f.mode === 'fixed' ? `fixed ${f.multiple ?? '…'}× cheques` : 'pro rata'];
  if (f.rounds !== undefined) {
    parts.push(`${f.rounds} round${f.rounds === 1 ? '' : 's'}`);
  }
  if (f.participation !== undefined) {
    parts.push(`participation ${f.participation}`);
  }
  return parts.join(', ');
}

function addOption(detail, { name = '', reserveRatio = '', followOn } = {}) {
  const list = detail.querySelector('.option-list');
  const option = fieldset('option', 'Option');
  const grid = document.createElement('div');
  grid.className = 'grid3';
  grid.append(
    field('name', 'Name', textInput(), { value: name, placeholder: 'e.g. proRata' }),
    field('reserveRatio', 'Reserve ratio', numberInput(), { value: reserveRatio }),
    ...followOnFields(followOn),
  );
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'remove';
  remove.textContent = 'Remove';
  remove.addEventListener('click', () => {
    option.remove();
    renumberOptions(detail);
    detail.querySelector('.add-option').focus();
  });
  option.querySelector('legend').append(remove);
  option.append(grid);
  list.append(option);
  renumberOptions(detail);
  return option;
}

/** Legends and labels follow the options' order; the bucket's own policy gives way to the options while there are any. */
function renumberOptions(detail) {
  const options = [...detail.querySelectorAll('.option')];
  options.forEach((option, i) => {
    option.querySelector('legend').firstChild.textContent = `Option ${i + 1}`;
    option.querySelector('.remove').setAttribute('aria-label', `Remove option ${i + 1}`);
  });
  detail.querySelector('.own-policy').hidden = options.length > 0;
  detail.querySelector('.add-option').disabled = options.length >= MAX_OPTIONS;
  if (detail.dataset.base) {
    renumberDetail(detail, Number(detail.dataset.n), detail.dataset.base);
  }
  summarize(detail);
}

/** The one-line summary shown while the details are closed. */
function summarize(detail) {
  const options = [...detail.querySelectorAll('.option')];
  const valuation = num(detail.querySelector('[data-role=entryValuation]'));
  const policy = options.length
    ? `${options.length} reserve option${options.length > 1 ? 's' : ''} (the optimizer chooses): ` +
      options.map((o) => {
        const name = o.querySelector('[data-role=name]').value.trim() || '…';
        const ratio = o.querySelector('[data-role=reserveRatio]').value.trim() || '…';
        return `${name}: reserve ${ratio}×, ${describeFollowOn(o)}`;
      }).join('; ')
    : `follow-on ${describeFollowOn(detail.querySelector('.own-policy'))}`;
  const entry = valuation === undefined ? 'entry at the stage default' : `entry at ${valuation.toLocaleString()}`;
  detail.querySelector('.policy-summary').textContent = `${policy}; ${entry}`;
}

/**
 * The detail row for a bucket, closed, with its summary. `initial` holds the API's bucket fields to start from;
 * `ownReserveRatio` reads the bucket row's reserve ratio, which a first option starts from.
 */
export function detailRow(columns, { entryValuation = '', followOn, reserveOptions = [] } = {}, ownReserveRatio = () => '') {
  const tr = document.createElement('tr');
  tr.className = 'bucket-detail round-only';
  const td = document.createElement('td');
  td.colSpan = columns;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  const what = document.createElement('span');
  what.className = 'policy-name';
  const text = document.createElement('span');
  text.className = 'policy-summary';
  summary.append(what, text);

  const body = document.createElement('div');
  body.className = 'policy-body';
  const entry = document.createElement('div');
  entry.className = 'grid2 entry';
  const entryHint = document.createElement('p');
  entryHint.className = 'hint';
  entryHint.textContent = 'Post-money at entry; empty: the calibration\'s usual one for the stage.';
  entry.append(field('entryValuation', 'Entry valuation', numberInput(), { value: entryValuation, placeholder: 'stage default' }), entryHint);
  const own = fieldset('own-policy', 'Follow-on policy');
  const ownGrid = document.createElement('div');
  ownGrid.className = 'grid4';
  ownGrid.append(...followOnFields(followOn));
  own.append(ownGrid);
  const options = fieldset('options', 'Reserve options');
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = `Up to ${MAX_OPTIONS} alternatives for the optimizer to choose among, each with its own reserve ` +
    'ratio and follow-on policy in place of the bucket\'s; each is a matrix row sector|stage|name.';
  const list = document.createElement('div');
  list.className = 'option-list';
  const add = document.createElement('button');
  add.type = 'button';
  add.className = 'secondary add-option';
  add.textContent = 'Add reserve option';
  add.addEventListener('click', () => {
    const n = tr.querySelectorAll('.option').length;
    // the first option starts as the bucket's own policy, so adding one alternative is one more click
    const start = n === 0
      ? { name: readFollowOn(own)?.mode ?? 'proRata', reserveRatio: ownReserveRatio(), followOn: readFollowOn(own) }
      : { name: `option${n + 1}`, reserveRatio: ownReserveRatio() };
    addOption(tr, start).querySelector('input').focus();
  });
  options.append(hint, list, add);
  body.append(entry, own, options);
  details.append(summary, body);
  td.append(details);
  tr.append(td);
  for (const option of reserveOptions) {
    addOption(tr, option);
  }
  renumberOptions(tr);
  tr.addEventListener('input', () => summarize(tr));
  tr.addEventListener('change', () => summarize(tr));
  return tr;
}

/** Names the detail row after its bucket and gives each control the request path it stands for (for field errors). */
export function renumberDetail(tr, n, base) {
  tr.dataset.n = n;
  tr.dataset.base = base;
  tr.querySelector('.policy-name').textContent = `Bucket ${n}: `;
  tr.querySelector('[data-role=entryValuation]').dataset.field = `${base}.entryValuation`;
  const own = tr.querySelector('.own-policy');
  own.dataset.field = `${base}.followOn`;
  for (const control of own.querySelectorAll('[data-role]')) {
    control.dataset.field = `${base}.${control.dataset.role}`;
  }
  tr.querySelector('.options').dataset.field = `${base}.reserveOptions`;
  tr.querySelectorAll('.option').forEach((option, o) => {
    const at = `${base}.reserveOptions[${o}]`;
    option.dataset.field = at;
    for (const control of option.querySelectorAll('[data-role]')) {
      control.dataset.field = `${at}.${control.dataset.role}`;
    }
  });
}

/** The bucket's round-by-round fields; with options, the bucket's own follow-on is left out (the API refuses both). */
export function readDetail(tr) {
  const options = [...tr.querySelectorAll('.option')];
  return {
    entryValuation: num(tr.querySelector('[data-role=entryValuation]')),
    followOn: options.length ? undefined : readFollowOn(tr.querySelector('.own-policy')),
    reserveOptions: options.length
      ? options.map((o) => ({
        name: o.querySelector('[data-role=name]').value.trim(),
        reserveRatio: num(o.querySelector('[data-role=reserveRatio]')),
        followOn: readFollowOn(o),
      }))
      : undefined,
  };
}
