/** Small statistics for benchmark rounds. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile, p in [0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Spread of a sample as (max - min) / median, e.g. 0.08 for ±4 %. */
export function relativeSpread(values: readonly number[]): number {
  const m = median(values);
  return values.length === 0 || m === 0 ? Number.NaN : (Math.max(...values) - Math.min(...values)) / m;
}
