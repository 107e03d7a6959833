// Charts that overlay several plans on the same axes: one series (class `series`, `data-plan`) per plan, told apart by
// colour and dash pattern, named in a legend, with a "show the numbers" table holding every drawn value.

import { M, axes, chartWidth, el, frame, numbersTable, scale, ticks } from './charts.js';

/** Legend lines above the plot, one per series; long names are cut, the whole name stays in a tooltip. */
function legend(svg, series) {
  const g = el('g', { class: 'legend' });
  series.forEach((s, i) => {
    const y = 14 + i * 18;
    g.append(el('line', { x1: M.left, x2: M.left + 26, y1: y, y2: y, class: `series-line s${i}` }));
    const text = el('text', { x: M.left + 32, y: y + 4, class: 'marker-label' }, cut(s.label, chartWidth() >= 600 ? 70 : 36));
    text.append(el('title', {}, s.label));
    g.append(text);
  });
  svg.append(g);
  return 14 + series.length * 18;
}

function cut(text, length) {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/**
 * Distributions as step lines over shared bins: each series' share of scenarios per bin.
 *
 * @param series [{id, label, shares}] shares per bin, each summing to 1
 */
export function stepOverlay(figure, { series, start, binWidth, threshold, format, xLabel, yLabel, caption }) {
  const bins = series[0].shares.length;
  const height = 330 + series.length * 18;
  const svg = frame(figure, height, `Step chart: ${caption}`, caption);
  const top = legend(svg, series) + 12;
  const end = start + binWidth * bins;
  const x = scale(start, end, M.left, chartWidth() - M.right);
  const high = Math.max(...series.flatMap((s) => s.shares));
  const yTicks = ticks(0, high);
  const y = scale(0, Math.max(high, yTicks.at(-1)), height - M.bottom, top);
  const share = (t) => `${Math.round(t * 1000) / 10} %`;
  axes(svg, height, x, ticks(start, end, 8), format, xLabel, y, yTicks, share, yLabel, top);
  const tx = x(threshold);
  svg.append(el('line', { x1: tx, x2: tx, y1: top, y2: height - M.bottom, class: 'loss-threshold' }));
  series.forEach((s, i) => {
    let d = `M${x(start)} ${y(0)}`;
    s.shares.forEach((v, b) => {
      d += ` L${x(start + b * binWidth)} ${y(v)} L${x(start + (b + 1) * binWidth)} ${y(v)}`;
    });
    d += ` L${x(end)} ${y(0)}`;
    const path = el('path', { d, class: `series series-line s${i}`, 'data-plan': s.id, 'data-shares': s.shares.join(' ') });
    path.append(el('title', {}, s.label));
    svg.append(path);
  });
  numbersTable(figure, 'Show the numbers: share of scenarios per MOIC range, by plan',
    ['Portfolio MOIC', ...series.map((s) => s.label)],
    series[0].shares.map((_, b) => [
      `${format(start + b * binWidth)} – ${format(start + (b + 1) * binWidth)}`,
      ...series.map((s) => `${(s.shares[b] * 100).toFixed(1)} %`),
    ]));
}

/**
 * Lines by fund year, one per series, with a point per year and a zero line when zero is in range.
 *
 * @param series [{id, label, points: [{year, value}]}]
 */
export function lineOverlay(figure, { series, yFormat, tickFormat = yFormat, xLabel, yLabel, caption, what }) {
  const height = 310 + series.length * 18;
  const svg = frame(figure, height, `Line chart: ${caption}`, caption);
  const top = legend(svg, series) + 12;
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = (hi - lo) * 0.05 || 0.01;
  const yT = ticks(lo - pad, hi + pad);
  const y = scale(Math.min(lo - pad, yT[0]), Math.max(hi + pad, yT.at(-1)), height - M.bottom, top);
  const last = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.year)));
  const x = scale(0, last, M.left + 8, chartWidth() - M.right - 8);
  const xT = ticks(0, last, Math.min(last, 12)).filter((t) => Number.isInteger(t));
  axes(svg, height, x, xT, (t) => String(t), xLabel, y, yT, tickFormat, yLabel, top);
  if (lo < 0 && hi > 0) {
    svg.append(el('line', { x1: M.left, x2: chartWidth() - M.right, y1: y(0), y2: y(0), class: 'zero-line' }));
  }
  series.forEach((s, i) => {
    const g = el('g', { class: `series s${i}`, 'data-plan': s.id });
    g.append(el('polyline', { points: s.points.map((p) => `${x(p.year)},${y(p.value)}`).join(' '), class: `series-line s${i}` }));
    for (const p of s.points) {
      const c = el('circle', { cx: x(p.year), cy: y(p.value), r: 3, class: `point s${i}`, 'data-year': p.year, 'data-value': p.value });
      c.append(el('title', {}, `${s.label}, year ${p.year}: ${what} ${yFormat(p.value)}`));
      g.append(c);
    }
    svg.append(g);
  });
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  numbersTable(figure, `Show the numbers: ${what} by fund year, by plan`, ['Fund year', ...series.map((s) => s.label)],
    years.map((year) => [String(year), ...series.map((s) => {
      const p = s.points.find((q) => q.year === year);
      return p ? yFormat(p.value) : '—';
    })]));
}
