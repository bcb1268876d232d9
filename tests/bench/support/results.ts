import type { MachineDescription } from './machine.js';
import { formatMachine } from './machine.js';
import type { Comparison } from './rounds.js';
import type { Column } from './table.js';
import { formatLatency, formatRate, formatRatio, markdownTable } from './table.js';

/** One row of a benchmark table: an adapter against a baseline, with the ratio it must reach. */
export interface BenchRow {
  readonly benchmark: string;
  /** What the rates count, e.g. "appends", "events". */
  readonly unit: string;
  /** Minimum acceptable adapter / baseline ratio; absent for a row shown for information. */
  readonly target?: number;
  readonly comparison: Comparison;
  /** What the baseline is, for the JSON report. */
  readonly baselineDescription: string;
  /** Latency of each side in milliseconds, when the workload measures it (adds p50 / p99 columns). */
  readonly latency?: { readonly adapter: LatencySummary; readonly baseline: LatencySummary };
  /** Answers that were wrong (either side): a row with any is not ✓, whatever its ratio. */
  readonly errors?: number;
}

/** Per-operation latency of one side, in milliseconds: medians over the measured rounds of each round's percentile. */
export interface LatencySummary {
  readonly p50: number;
  readonly p99: number;
}

/** Column titles and extra lines of a report; the defaults suit an adapter-against-raw benchmark. */
export interface ReportOptions {
  readonly adapterLabel?: string;
  readonly baselineLabel?: string;
  /** Lines printed after the table, before `targets met`. */
  readonly notes?: readonly string[];
}

export interface BenchReport {
  readonly title: string;
  readonly generatedAt: string;
  readonly machine: MachineDescription;
  readonly settings: Record<string, string | number | boolean>;
  readonly rows: readonly {
    readonly benchmark: string;
    readonly unit: string;
    readonly adapterPerSecond: number;
    readonly baselinePerSecond: number;
    readonly baseline: string;
    readonly ratio: number;
    readonly pairedRatio: number;
    readonly target: number | null;
    readonly ok: boolean | null;
    readonly adapterRounds: readonly number[];
    readonly baselineRounds: readonly number[];
    readonly adapterSpread: number;
    readonly baselineSpread: number;
    readonly latencyMs?: { readonly adapter: LatencySummary; readonly baseline: LatencySummary };
    readonly errors?: number;
  }[];
  readonly targetsMet: number;
  readonly targetsTotal: number;
  readonly markdown: string;
  readonly notes?: readonly string[];
}

export function buildReport(
  title: string,
  machine: MachineDescription,
  settings: BenchReport['settings'],
  rows: readonly BenchRow[],
  generatedAt: Date,
  options: ReportOptions = {},
): BenchReport {
  const ok = (row: BenchRow): boolean | null =>
    row.target === undefined ? null : row.comparison.ratio >= row.target && !row.errors;
  const withLatency = rows.some((row) => row.latency);
  const latency = (row: BenchRow, side: 'adapter' | 'baseline'): string[] =>
    withLatency ? [row.latency ? formatLatency(row.latency[side]) : '—'] : [];
  const latencyColumn = (): Column[] => (withLatency ? [{ title: 'p50 / p99', align: 'right' }] : []);
  const table = markdownTable(
    [
      { title: 'benchmark' },
      { title: options.adapterLabel ?? 'adapter', align: 'right' },
      ...latencyColumn(),
      { title: options.baselineLabel ?? 'baseline', align: 'right' },
      ...latencyColumn(),
      { title: 'ratio', align: 'right' },
      { title: 'target', align: 'right' },
      { title: 'ok', align: 'center' },
    ],
    rows.map((row) => [
      row.benchmark,
      formatRate(row.comparison.adapter, row.unit),
      ...latency(row, 'adapter'),
      formatRate(row.comparison.baseline, row.unit),
      ...latency(row, 'baseline'),
      formatRatio(row.comparison.ratio),
      row.target === undefined ? '—' : `≥ ${formatRatio(row.target)}`,
      ok(row) === null ? 'info' : ok(row) ? '✓' : '✗',
    ]),
  );
  const met = rows.filter((row) => ok(row) === true).length;
  return {
    title,
    generatedAt: generatedAt.toISOString(),
    machine,
    settings,
    rows: rows.map((row) => ({
      benchmark: row.benchmark,
      unit: row.unit,
      adapterPerSecond: row.comparison.adapter,
      baselinePerSecond: row.comparison.baseline,
      baseline: row.baselineDescription,
      ratio: row.comparison.ratio,
      pairedRatio: row.comparison.pairedRatio,
      target: row.target ?? null,
      ok: ok(row),
      adapterRounds: row.comparison.adapterRates,
      baselineRounds: row.comparison.baselineRates,
      adapterSpread: row.comparison.adapterSpread,
      baselineSpread: row.comparison.baselineSpread,
      ...(row.latency && { latencyMs: row.latency }),
      ...(row.errors !== undefined && { errors: row.errors }),
    })),
    targetsMet: met,
    targetsTotal: rows.filter((row) => row.target !== undefined).length,
    markdown: table,
    ...(options.notes && { notes: options.notes }),
  };
}

/** Rounds whose rates vary more than this (max - min over median) make a row "noisy". */
export const NOISY_SPREAD = 0.5;

/** The text a benchmark prints: machine, settings, the table, and the `targets met` line. */
export function formatReport(report: BenchReport): string {
  const settings = Object.entries(report.settings)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return [
    `## ${report.title}`,
    '',
    formatMachine(report.machine),
    `settings: ${settings}`,
    '',
    report.markdown,
    '',
    ...noiseNotes(report),
    ...(report.notes ?? []),
    `targets met: ${report.targetsMet}/${report.targetsTotal}`,
  ].join('\n');
}

function noiseNotes(report: BenchReport): string[] {
  const pct = (spread: number): string => `${Math.round(spread * 100)} %`;
  return report.rows
    .filter((row) => row.adapterSpread > NOISY_SPREAD || row.baselineSpread > NOISY_SPREAD)
    .map(
      (row) =>
        `noisy: ${row.benchmark} (round spread: adapter ${pct(row.adapterSpread)}, baseline ${pct(row.baselineSpread)};` +
        ` paired-round ratio ${row.pairedRatio.toFixed(2)}×)`,
    );
}
