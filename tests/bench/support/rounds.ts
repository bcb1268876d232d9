import { median, relativeSpread } from './stats.js';

/** What one timed round did: `units` of work (operations, events, appends) in `ms`. */
export interface RoundResult {
  readonly units: number;
  readonly ms: number;
}

/** Runs one timed round of a workload, at least `minMs` long. */
export type Workload<R extends RoundResult = RoundResult> = (minMs: number) => Promise<R>;

/**
 * Repeats `op` until at least `minMs` have passed and at least `minOps` ran; `op` returns
 * the units it did (1 for an operation, 100 for a 100-event append…). Synchronous
 * operations are not awaited, so a raw baseline pays no promise overhead it would not
 * pay in real code.
 */
export async function timeLoop(
  minMs: number,
  op: () => number | Promise<number>,
  minOps = 1,
): Promise<RoundResult> {
  let units = 0;
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minMs || ops < minOps) {
    const done = op();
    units += typeof done === 'number' ? done : await done;
    ops += 1;
    now = performance.now();
  }
  return { units, ms: now - start };
}

/**
 * Runs `workers` loops concurrently until `minMs` have passed: each loop awaits its
 * previous operation before starting the next. The round ends when the last loop ends.
 */
export async function concurrentLoops(
  minMs: number,
  workers: number,
  op: (worker: number) => Promise<number>,
): Promise<RoundResult> {
  const start = performance.now();
  const deadline = start + minMs;
  const counts = await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      let units = 0;
      do units += await op(worker);
      while (performance.now() < deadline);
      return units;
    }),
  );
  return { units: counts.reduce((a, b) => a + b, 0), ms: performance.now() - start };
}

export interface InterleaveOptions {
  /** Measured rounds per side (the median is taken over them). */
  readonly rounds: number;
  readonly roundMs: number;
  /** Unmeasured rounds per side before the measured ones (JIT, page cache, WAL growth). */
  readonly warmupRounds?: number;
  /** Called before every round, e.g. to report progress. */
  readonly onRound?: (side: 'adapter' | 'baseline', round: number, warmup: boolean) => void;
}

export interface Comparison<A extends RoundResult = RoundResult, B extends RoundResult = RoundResult> {
  /** The measured rounds themselves, in round order (a workload may return more than units and ms). */
  readonly adapterResults: readonly A[];
  readonly baselineResults: readonly B[];
  /** Units per second of each measured round, in round order. */
  readonly adapterRates: readonly number[];
  readonly baselineRates: readonly number[];
  readonly adapter: number;
  readonly baseline: number;
  /** median(adapter rates) / median(baseline rates). */
  readonly ratio: number;
  /** Median of the per-round ratios (adapter round i against baseline round i): a cross-check. */
  readonly pairedRatio: number;
  /** (max - min) / median of the rates on each side. */
  readonly adapterSpread: number;
  readonly baselineSpread: number;
}

/** Collects garbage outside timed regions when Node runs with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Runs adapter and baseline rounds interleaved (adapter, baseline, adapter, baseline…)
 * so that drift (disk cache, CPU frequency, neighbours) hits both sides alike, and
 * compares the medians of their rates.
 */
export async function interleave<A extends RoundResult = RoundResult, B extends RoundResult = RoundResult>(
  adapter: Workload<A>,
  baseline: Workload<B>,
  options: InterleaveOptions,
): Promise<Comparison<A, B>> {
  const warmup = options.warmupRounds ?? 1;
  const adapterResults: A[] = [];
  const baselineResults: B[] = [];
  for (let round = 0; round < warmup + options.rounds; round++) {
    const measured = round >= warmup;
    options.onRound?.('adapter', round - warmup, !measured);
    collectGarbage();
    const a = await adapter(options.roundMs);
    if (measured) adapterResults.push(a);
    options.onRound?.('baseline', round - warmup, !measured);
    collectGarbage();
    const b = await baseline(options.roundMs);
    if (measured) baselineResults.push(b);
  }
  const rate = (result: RoundResult): number => (result.units * 1000) / result.ms;
  const adapterRates = adapterResults.map(rate);
  const baselineRates = baselineResults.map(rate);
  const a = median(adapterRates);
  const b = median(baselineRates);
  return {
    adapterResults,
    baselineResults,
    adapterRates,
    baselineRates,
    adapter: a,
    baseline: b,
    ratio: a / b,
    pairedRatio: median(adapterRates.map((rate, i) => rate / baselineRates[i]!)),
    adapterSpread: relativeSpread(adapterRates),
    baselineSpread: relativeSpread(baselineRates),
  };
}
