// Exports made in the browser from the result on show: the allocation as CSV and JSON.

import { rowKey } from './format.js';
import * as lp from './lp.js';

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvCell(v) {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function exportCsv(result) {
  // the portfolio's LP figures come after the per-bucket columns, repeated on each row, so the file stays one row per
  // bucket and readers of the older columns are not disturbed
  const head = ['bucketKey', 'sector', 'stage', 'reserveOption', 'weight', 'dollars', 'dealCount', ...lp.CSV_COLUMNS];
  const lines = [head.join(',')];
  const net = lp.csvValues(result);
  for (const a of result.allocation) {
    const [sector, stage] = a.bucketKey.split('|');
    const option = rowKey(a.bucketKey).option ?? '';
    lines.push([a.bucketKey, sector, stage, option, a.weight, a.dollars, a.dealCount, ...net].map(csvCell).join(','));
  }
  download(`allocation-${result.sessionId}.csv`, 'text/csv', `${lines.join('\n')}\n`);
}

export function exportJson(result, request) {
  const r = result;
  const body = {
    sessionId: r.sessionId,
    matrixKey: r.matrixKey,
    fundSize: r.fundSize,
    expectedMoic: r.expectedMoic,
    riskMetrics: r.riskMetrics,
    allocation: r.allocation,
    // absent for a one-period result (JSON.stringify leaves undefined out), and for a plan opened from the list, whose
    // request (its terms) the page does not have
    fundTerms: r.fundMetrics && request ? lp.termsUsed(request) : undefined,
    fundMetrics: r.fundMetrics,
    outOfSampleFundMetrics: r.validationMetrics?.fundMetrics,
  };
  download(`allocation-${r.sessionId}.json`, 'application/json', `${JSON.stringify(body, null, 2)}\n`);
}
