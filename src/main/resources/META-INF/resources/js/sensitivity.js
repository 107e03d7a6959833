// "What each limit costs you": the result's sensitivity rows (DESIGN 16), one per limit in force.
import { LABELS, row, value } from './results.js';
import { multiple, rowLabel } from './format.js';

/** Fills the sensitivity table: the limit, the step tried, the expected MOIC it buys, and whether that is proven. */
export function renderSensitivity(result) {
  const table = document.getElementById('sensitivity');
  const note = document.getElementById('sensitivity-note');
  const rows = result.sensitivity ?? [];
  table.replaceChildren();
  note.textContent = rows.length
    ? 'Each limit loosened by the step shown, the others kept, and the fund solved again within the same budget.'
    : 'No limit is in force: nothing to loosen.';
  table.hidden = rows.length === 0;
  if (!rows.length) {
    return;
  }
  const caption = document.createElement('caption');
  caption.className = 'sr-only';
  caption.textContent = 'Expected MOIC bought by loosening each limit';
  const head = document.createElement('thead');
  head.append(row(['Limit', 'Now', 'Loosened to', 'Expected MOIC', 'Gain', 'Proven'], { header: true }));
  const body = document.createElement('tbody');
  for (const s of rows) {
    const name = (LABELS[s.constraint] ?? s.constraint) + (s.subject ? ` · ${rowLabel(s.subject)}` : '');
    const tr = row([
      name,
      value(s.constraint, s.from),
      value(s.constraint, s.to),
      multiple(s.expectedMultiple),
      `+${multiple(s.expectedMultipleGain)}`,
      s.proven ? 'yes' : 'no (budget ended)',
    ]);
    tr.dataset.constraint = s.constraint;
    tr.dataset.gain = s.expectedMultipleGain;
    body.append(tr);
  }
  table.append(caption, head, body);
}
