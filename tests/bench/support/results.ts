import type { MachineDescription } from './machine.js';
import { formatMachine } from './machine.js';
import type { Comparison } from './rounds.js';
import { formatRate, formatRatio, markdownTable } from './table.js';

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
  }[];
  readonly targetsMet: number;
  readonly targetsTotal: number;
  readonly markdown: string;
}

export function buildReport(
  title: string,
  machine: MachineDescription,
  settings: BenchReport['settings'],
  rows: readonly BenchRow[],
  generatedAt: Date,
): BenchReport {
  const ok = (row: BenchRow): boolean | null => (row.target === undefined ? null : row.comparison.ratio >= row.target);
  const table = markdownTable(
    [
      { title: 'benchmark' },
      { title: 'adapter', align: 'right' },
      { title: 'baseline', align: 'right' },
      { title: 'ratio', align: 'right' },
      { title: 'target', align: 'right' },
      { title: 'ok', align: 'center' },
    ],
    rows.map((row) => [
      row.benchmark,
      formatRate(row.comparison.adapter, row.unit),
      formatRate(row.comparison.baseline, row.unit),
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
    })),
    targetsMet: met,
    targetsTotal: rows.filter((row) => row.target !== undefined).length,
    markdown: table,
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
