// Numbers for people: money in the chosen currency, shares as percentages, multiples with a ×.

let currency = 'USD';

export function setCurrency(code) {
  currency = code;
}

const cache = new Map();
function formatter(key, options) {
  if (!cache.has(key)) {
    cache.set(key, new Intl.NumberFormat(undefined, options));
  }
  return cache.get(key);
}

export function money(value) {
  return formatter(`money-${currency}`, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

export function compactMoney(value) {
  return formatter(`cmoney-${currency}`, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** Zero for values that would print as -0 (solver noise such as -1e-12). */
function tidy(value, digits) {
  return Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
}

/** A fraction (0.25) as a percentage (25.00 %). */
export function percent(fraction, digits = 2) {
  fraction = tidy(fraction, digits + 2);
  return formatter(`pct-${digits}`, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction);
}

export function multiple(value, digits = 3) {
  return `${number(value, digits)}×`;
}

export function number(value, digits = 2) {
  value = tidy(value, digits);
  return formatter(`num-${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function integer(value) {
  return formatter('int', { maximumFractionDigits: 0 }).format(value);
}

/**
 * A matrix row's key in words: `SaaS|Seed` is the bucket "SaaS · Seed"; `SaaS|Seed|proRata` is that bucket's reserve
 * option "proRata" (DESIGN 13).
 */
export function rowKey(key) {
  const [sector, stage, ...option] = key.split('|');
  return { bucket: stage === undefined ? sector : `${sector} · ${stage}`, option: option.length ? option.join('|') : null };
}

/** A row key as one short line, for chart labels and sentences. */
export function rowLabel(key) {
  const { bucket, option } = rowKey(key);
  return option === null ? bucket : `${bucket} · ${option}`;
}

/** An ISO-8601 instant as a local date and time. */
const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function dateTime(iso) {
  return dates.format(new Date(iso));
}
