/** Markdown tables and number formatting for benchmark reports. */

export type Align = 'left' | 'right' | 'center';

export interface Column {
  readonly title: string;
  readonly align?: Align;
}

/** A GitHub-flavoured Markdown table, columns padded so it also reads well in a terminal. */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(3, c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (text: string, i: number): string => {
    const width = widths[i]!;
    return columns[i]?.align === 'right' ? text.padStart(width) : text.padEnd(width);
  };
  const rule = columns.map((c, i) => {
    const width = widths[i]!;
    if (c.align === 'right') return `${'-'.repeat(width - 1)}:`;
    if (c.align === 'center') return `:${'-'.repeat(width - 2)}:`;
    return '-'.repeat(width);
  });
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((c, i) => pad(c.title, i))),
    line(rule),
    ...rows.map((r) => line(columns.map((_, i) => pad(r[i] ?? '', i)))),
  ].join('\n');
}

/** 12 345/s style rate with a unit, three significant digits. */
export function formatRate(perSecond: number, unit: string): string {
  return `${formatNumber(perSecond)} ${unit}/s`;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).replaceAll(',', ' ');
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** "0.42 / 3.1 ms": median and 99th-percentile latency, two significant digits below 10 ms. */
export function formatLatency(latency: { readonly p50: number; readonly p99: number }): string {
  const ms = (value: number): string => (value >= 10 ? value.toFixed(0) : value.toPrecision(2));
  return `${ms(latency.p50)} / ${ms(latency.p99)} ms`;
}
