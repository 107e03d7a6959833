// Small SVG charts with axes, units and a text alternative. Data elements carry classes (bar, bin, point) so tests
// and style sheets can find them.

const NS = 'http://www.w3.org/2000/svg';
// The drawing's width follows its figure's width, so text keeps its size on a narrow screen (set by frame()).
let W = 640;
export const M = { top: 16, right: 20, bottom: 48, left: 64 };

export function el(name, attributes = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attributes)) {
    node.setAttribute(k, v);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** The width of the drawing frame() last made, in SVG units. */
export function chartWidth() {
  return W;
}

export function frame(figure, height, label, caption) {
  W = Math.round(Math.max(320, Math.min(760, figure.clientWidth || 640)));
  figure.replaceChildren();
  const svg = el('svg', { viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-label': label });
  svg.append(el('title', {}, label));
  figure.append(svg);
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  figure.append(cap);
  return svg;
}

/** Round tick values covering [lo, hi]. */
export function ticks(lo, hi, count = 5) {
  if (!(hi > lo)) {
    hi = lo + 1;
  }
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Number(v.toPrecision(12)));
  }
  return out;
}

export function scale(d0, d1, r0, r1) {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

export function axes(svg, height, x, xTicks, xFormat, xLabel, y, yTicks, yFormat, yLabel, top = M.top) {
  const g = el('g', { class: 'axes' });
  const bottom = height - M.bottom;
  g.append(el('line', { x1: M.left, x2: W - M.right, y1: bottom, y2: bottom, class: 'axis' }));
  g.append(el('line', { x1: M.left, x2: M.left, y1: top, y2: bottom, class: 'axis' }));
  for (const t of xTicks) {
    g.append(el('line', { x1: x(t), x2: x(t), y1: bottom, y2: bottom + 5, class: 'tick' }));
    g.append(el('text', { x: x(t), y: bottom + 18, 'text-anchor': 'middle', class: 'tick-label' }, xFormat(t)));
  }
  for (const t of yTicks) {
    g.append(el('line', { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), class: 'grid' }));
    g.append(el('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'tick-label' }, yFormat(t)));
  }
  g.append(el('text', { x: (M.left + W - M.right) / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis-label' }, xLabel));
  const ly = (top + bottom) / 2;
  g.append(el('text', { x: 14, y: ly, transform: `rotate(-90 14 ${ly})`, 'text-anchor': 'middle', class: 'axis-label' }, yLabel));
  svg.append(g);
}

/** Horizontal bars: one per label, value a fraction of the fund. */
export function barChart(figure, { labels, values, format, xLabel, caption }) {
  const rowHeight = 28;
  const height = M.top + M.bottom + rowHeight * Math.max(1, labels.length) + 8;
  const svg = frame(figure, height, `Bar chart: ${caption}`, caption);
  // room for the longest label (reserve-option rows are longer), never more than 40 % of the drawing
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const left = Math.round(Math.min(W * 0.4, Math.max(150, 14 + longest * 6.6)));
  const max = Math.max(0.0001, ...values);
  const xTicks = ticks(0, max);
  const xMax = Math.max(max, xTicks.at(-1));
  const x = scale(0, xMax, left, W - M.right - 44);
  const bottom = height - M.bottom;
  const g = el('g', { class: 'axes' });
  g.append(el('line', { x1: left, x2: x(xMax), y1: bottom, y2: bottom, class: 'axis' }));
  g.append(el('line', { x1: left, x2: left, y1: M.top, y2: bottom, class: 'axis' }));
  for (const t of xTicks) {
    g.append(el('line', { x1: x(t), x2: x(t), y1: M.top, y2: bottom, class: 'grid' }));
    g.append(el('text', { x: x(t), y: bottom + 18, 'text-anchor': 'middle', class: 'tick-label' }, format(t)));
  }
  g.append(el('text', { x: (left + x(xMax)) / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis-label' }, xLabel));
  svg.append(g);
  labels.forEach((label, i) => {
    const y = M.top + 4 + i * rowHeight;
    svg.append(el('text', { x: left - 6, y: y + rowHeight / 2 + 2, 'text-anchor': 'end', class: 'tick-label' }, label));
    const bar = el('rect', {
      x: left,
      y: y + 3,
      width: Math.max(0, x(values[i]) - left),
      height: rowHeight - 8,
      class: 'bar',
      'data-value': values[i],
    });
    bar.append(el('title', {}, `${label}: ${format(values[i])}`));
    svg.append(bar);
    svg.append(el('text', { x: x(values[i]) + 4, y: y + rowHeight / 2 + 2, class: 'value-label' }, format(values[i])));
  });
}

/**
 * Histogram of per-scenario values. Bins at or below the tail cut-off are drawn as the tail; a line marks the loss
 * threshold.
 */
export function histogram(figure, { bins, binWidth, start, threshold, tailCut, tailLabel, format, xLabel, yLabel, caption }) {
  const height = 330;
  const top = 52;
  const svg = frame(figure, height, `Histogram: ${caption}`, caption);
  const total = bins.reduce((a, b) => a + b, 0) || 1;
  const shares = bins.map((b) => b / total);
  const end = start + binWidth * bins.length;
  const x = scale(start, end, M.left, W - M.right);
  const yTicks = ticks(0, Math.max(...shares));
  const y = scale(0, Math.max(Math.max(...shares), yTicks.at(-1)), height - M.bottom, top);
  axes(svg, height, x, ticks(start, end, 8), format, xLabel, y, yTicks, (t) => `${Math.round(t * 1000) / 10} %`, yLabel, top);
  const tail = el('rect', {
    x: x(start),
    y: top,
    width: Math.max(0, x(Math.min(tailCut, end)) - x(start)),
    height: height - M.bottom - top,
    class: 'cvar-tail',
  });
  tail.append(el('title', {}, tailLabel));
  svg.append(tail);
  shares.forEach((share, i) => {
    const lo = start + i * binWidth;
    const kind = lo + binWidth <= tailCut + 1e-12 ? 'bin tail' : lo < threshold ? 'bin loss' : 'bin';
    const bin = el('rect', {
      x: x(lo) + 0.5,
      y: y(share),
      width: Math.max(0, x(lo + binWidth) - x(lo) - 1),
      height: Math.max(0, y(0) - y(share)),
      class: kind,
      'data-count': bins[i],
    });
    bin.append(el('title', {}, `${format(lo)} – ${format(lo + binWidth)}: ${bins[i]} scenarios`));
    svg.append(bin);
  });
  const tx = x(threshold);
  svg.append(el('line', { x1: tx, x2: tx, y1: top - 6, y2: height - M.bottom, class: 'loss-threshold' }));
  // legend above the plot, so no label sits on a bar
  const legend = el('g', { class: 'legend' });
  legend.append(el('line', { x1: M.left, x2: M.left + 22, y1: 14, y2: 14, class: 'loss-threshold' }));
  legend.append(el('text', { x: M.left + 28, y: 18, class: 'marker-label' }, `loss threshold ${format(threshold)}`));
  legend.append(el('rect', { x: M.left, y: 26, width: 22, height: 12, class: 'swatch tail' }));
  legend.append(el('text', { x: M.left + 28, y: 37, class: 'marker-label tail-label' }, tailLabel));
  const [lx, ly] = W >= 600 ? [M.left + 330, 8] : [M.left + 190, 8];
  legend.append(el('rect', { x: lx, y: ly, width: 22, height: 12, class: 'swatch loss' }));
  legend.append(el('text', { x: lx + 28, y: ly + 10, class: 'marker-label' }, 'other losses'));
  svg.append(legend);
}

/**
 * Points joined by a line (the frontier), plus highlighted markers such as the chosen portfolio.
 *
 * @param markers [{x, y, label, cls}]
 */
export function frontierChart(figure, { points, markers, xFormat, yFormat, xLabel, yLabel, caption }) {
  const height = 320;
  const svg = frame(figure, height, `Line chart: ${caption}`, caption);
  const all = [...points, ...markers];
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const xPad = (Math.max(...xs) - Math.min(...xs)) * 0.08 || 0.01;
  const yPad = (Math.max(...ys) - Math.min(...ys)) * 0.08 || 0.01;
  const [x0, x1] = [Math.max(0, Math.min(...xs) - xPad), Math.max(...xs) + xPad];
  const [y0, y1] = [Math.max(0, Math.min(...ys) - yPad), Math.max(...ys) + yPad];
  const xT = ticks(x0, x1);
  const yT = ticks(y0, y1);
  const x = scale(x0, x1, M.left, W - M.right - 60);
  const y = scale(y0, y1, height - M.bottom, M.top + 8);
  axes(svg, height, x, xT, xFormat, xLabel, y, yT, yFormat, yLabel);
  const sorted = [...points].sort((a, b) => a.x - b.x);
  svg.append(el('polyline', { points: sorted.map((p) => `${x(p.x)},${y(p.y)}`).join(' '), class: 'frontier-line' }));
  for (const p of sorted) {
    const c = el('circle', { cx: x(p.x), cy: y(p.y), r: 5, class: 'point' });
    c.append(el('title', {}, `CVaR ${xFormat(p.x)}, expected MOIC ${yFormat(p.y)}`));
    svg.append(c);
  }
  for (const m of markers) {
    const g = el('g', { class: `marker ${m.cls}` });
    g.append(el('path', { d: `M${x(m.x)} ${y(m.y) - 9} L${x(m.x) + 9} ${y(m.y)} L${x(m.x)} ${y(m.y) + 9} L${x(m.x) - 9} ${y(m.y)} Z` }));
    g.append(el('text', { x: x(m.x) + 12, y: y(m.y) - 8, class: 'marker-label' }, m.label));
    g.append(el('title', {}, `${m.label}: CVaR ${xFormat(m.x)}, expected MOIC ${yFormat(m.y)}`));
    svg.append(g);
  }
}

/** A "show the numbers" table under a chart, so every drawn value can also be read (and reached from the keyboard). */
export function numbersTable(figure, summary, head, rows) {
  const details = document.createElement('details');
  details.className = 'chart-numbers';
  const s = document.createElement('summary');
  s.textContent = summary;
  const table = document.createElement('table');
  table.className = 'data';
  const thead = table.createTHead().insertRow();
  for (const h of head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    thead.append(th);
  }
  const body = table.createTBody();
  for (const cells of rows) {
    const tr = body.insertRow();
    cells.forEach((c, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) {
        cell.scope = 'row';
      } else {
        cell.className = 'num';
      }
      cell.textContent = c;
      tr.append(cell);
    });
  }
  details.append(s, table);
  figure.append(details);
}

/**
 * A fan by fund year: the P10–P90 band, the P50 line with a point per year, and a zero line when zero is in range.
 *
 * @param bands [{year, p10, p50, p90}]
 */
export function fanChart(figure, { bands, yFormat, tickFormat = yFormat, xLabel, yLabel, caption, what }) {
  const height = 310;
  const svg = frame(figure, height, `Fan chart: ${caption}`, caption);
  // on a narrow drawing the legend takes two lines
  const wide = W >= 420;
  const top = wide ? 40 : 58;
  const lo = Math.min(0, ...bands.map((b) => b.p10));
  const hi = Math.max(0, ...bands.map((b) => b.p90));
  const pad = (hi - lo) * 0.05 || 0.01;
  const yT = ticks(lo - pad, hi + pad);
  const y = scale(Math.min(lo - pad, yT[0]), Math.max(hi + pad, yT.at(-1)), height - M.bottom, top);
  const last = Math.max(1, ...bands.map((b) => b.year));
  const x = scale(0, last, M.left + 8, W - M.right - 8);
  const xT = ticks(0, last, Math.min(last, 12)).filter((t) => Number.isInteger(t));
  axes(svg, height, x, xT, (t) => String(t), xLabel, y, yT, tickFormat, yLabel, top);
  const band = [...bands.map((b) => `${x(b.year)},${y(b.p90)}`), ...[...bands].reverse().map((b) => `${x(b.year)},${y(b.p10)}`)];
  svg.append(el('polygon', { points: band.join(' '), class: 'band' }));
  if (lo < 0 && hi > 0) {
    svg.append(el('line', { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0), class: 'zero-line' }));
  }
  svg.append(el('polyline', { points: bands.map((b) => `${x(b.year)},${y(b.p50)}`).join(' '), class: 'median-line' }));
  for (const b of bands) {
    const c = el('circle', {
      cx: x(b.year), cy: y(b.p50), r: 3.5, class: 'point year',
      'data-year': b.year, 'data-p10': b.p10, 'data-p50': b.p50, 'data-p90': b.p90,
    });
    c.append(el('title', {}, `Year ${b.year}: ${what} P50 ${yFormat(b.p50)}, P10 ${yFormat(b.p10)} to P90 ${yFormat(b.p90)}`));
    svg.append(c);
  }
  const legend = el('g', { class: 'legend' });
  legend.append(el('rect', { x: M.left, y: 8, width: 22, height: 12, class: 'swatch band' }));
  legend.append(el('text', { x: M.left + 28, y: 18, class: 'marker-label' }, 'P10–P90 of scenarios'));
  const [mx, my] = wide ? [M.left + 190, 0] : [M.left, 20];
  legend.append(el('line', { x1: mx, x2: mx + 22, y1: 14 + my, y2: 14 + my, class: 'median-line' }));
  legend.append(el('text', { x: mx + 28, y: 18 + my, class: 'marker-label' }, 'P50 (median)'));
  svg.append(legend);
  numbersTable(figure, `Show the numbers: ${what} by fund year`, ['Fund year', 'P10', 'P50', 'P90'],
    bands.map((b) => [String(b.year), yFormat(b.p10), yFormat(b.p50), yFormat(b.p90)]));
}

/**
 * Intervals side by side, one row each: a bar from P10 to P90, a tick at P50 and a dot at the mean, with a dashed
 * reference line (1×: money back).
 *
 * @param rows [{label, cls, mean, p10, p50, p90}]
 */
export function intervalChart(figure, { rows, format, xLabel, caption, reference, referenceLabel }) {
  const rowHeight = 46;
  const top = 50;
  const height = top + M.bottom + rowHeight * rows.length;
  const svg = frame(figure, height, `Interval chart: ${caption}`, caption);
  const left = Math.min(Math.round(W * 0.3), 140);
  const hi = Math.max(reference, ...rows.map((r) => Math.max(r.p90, r.mean)));
  const xT = ticks(0, hi * 1.05);
  const x = scale(0, Math.max(hi * 1.05, xT.at(-1)), left, W - M.right - 10);
  const bottom = height - M.bottom;
  const g = el('g', { class: 'axes' });
  g.append(el('line', { x1: left, x2: W - M.right, y1: bottom, y2: bottom, class: 'axis' }));
  for (const t of xT) {
    g.append(el('line', { x1: x(t), x2: x(t), y1: top, y2: bottom, class: 'grid' }));
    g.append(el('text', { x: x(t), y: bottom + 18, 'text-anchor': 'middle', class: 'tick-label' }, format(t)));
  }
  g.append(el('text', { x: (left + W - M.right) / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis-label' }, xLabel));
  svg.append(g);
  svg.append(el('line', { x1: x(reference), x2: x(reference), y1: top - 16, y2: bottom, class: 'loss-threshold' }));
  svg.append(el('text', { x: x(reference) + 5, y: top - 6, class: 'marker-label' }, referenceLabel));
  rows.forEach((r, i) => {
    const mid = top + i * rowHeight + rowHeight / 2;
    const row = el('g', {
      class: `interval-row ${r.cls}`, 'data-mean': r.mean, 'data-p10': r.p10, 'data-p50': r.p50, 'data-p90': r.p90,
    });
    row.append(el('title', {}, `${r.label}: mean ${format(r.mean)}, P10 ${format(r.p10)}, P50 ${format(r.p50)}, P90 ${format(r.p90)}`));
    row.append(el('text', { x: left - 8, y: mid + 4, 'text-anchor': 'end', class: 'tick-label' }, r.label));
    row.append(el('rect', { x: x(r.p10), y: mid - 9, width: Math.max(1, x(r.p90) - x(r.p10)), height: 18, class: 'interval' }));
    row.append(el('line', { x1: x(r.p50), x2: x(r.p50), y1: mid - 13, y2: mid + 13, class: 'p50-mark' }));
    row.append(el('circle', { cx: x(r.mean), cy: mid, r: 5, class: 'mean-mark' }));
    svg.append(row);
  });
  const legend = el('g', { class: 'legend' });
  legend.append(el('rect', { x: left, y: 8, width: 22, height: 12, class: 'interval' }));
  legend.append(el('text', { x: left + 28, y: 18, class: 'marker-label' }, 'P10–P90'));
  legend.append(el('line', { x1: left + 100, x2: left + 100, y1: 6, y2: 22, class: 'p50-mark' }));
  legend.append(el('text', { x: left + 108, y: 18, class: 'marker-label' }, 'P50'));
  legend.append(el('circle', { cx: left + 158, cy: 14, r: 5, class: 'mean-mark' }));
  legend.append(el('text', { x: left + 168, y: 18, class: 'marker-label' }, 'mean'));
  svg.append(legend);
}
