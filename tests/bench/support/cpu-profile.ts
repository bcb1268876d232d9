import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { markdownTable } from './table.js';

/** The parts of a V8 .cpuprofile (as `node --cpu-prof` writes it) that a summary needs. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  /** Microseconds on the machine's monotonic clock (CLOCK_MONOTONIC on Linux, as process.hrtime). */
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A stretch of the profiled process's life, e.g. the measured rounds of one workload. */
export interface ProfileWindow {
  readonly label: string;
  /** process.hrtime.bigint() / 1000 of the benchmark process at the start and the end (same clock as the profile). */
  readonly fromUs: number;
  readonly toUs: number;
  /** Answers the server gave in the window: the breakdown is per answer. */
  readonly answers: number;
}

/** A part of the work, recognised by a frame of the sampled stack (`function@module`). */
export interface Bucket {
  readonly label: string;
  readonly frame: RegExp;
}

/** Now on the clock the profile uses, in microseconds. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Where a sampled function lives: an npm package, a part of the workspace, Node itself, or V8's own entries. */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName || '(anonymous)'}`;
  const packagePath = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packagePath) return packagePath[1]!;
  const workspace = /\/dist\/((?:libs\/[^/]+\/[^/]+)|(?:apps\/[^/]+)|(?:tests\/[^/]+))/.exec(url);
  if (workspace) return workspace[1]!;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url;
}

/** The newest .cpuprofile in `dir`, or undefined when there is none. */
export async function newestProfile(dir: string): Promise<{ path: string; profile: CpuProfile } | undefined> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    return undefined;
  }
  if (files.length === 0) return undefined;
  const dated = await Promise.all(files.map(async (f) => ({ f, t: (await stat(join(dir, f))).mtimeMs })));
  const path = join(dir, dated.sort((a, b) => b.t - a.t)[0]!.f);
  return { path, profile: JSON.parse(await readFile(path, 'utf8')) as CpuProfile };
}

const IDLE = '(idle)';

/**
 * Main-thread time per answer in each window, split into `buckets`: a sample goes to the
 * first bucket (in list order) that any frame of its stack matches, else to "other".
 * The profiler samples wall time: a thread blocked in a system call (an fsync) counts
 * as busy in the function that made it; "idle" is the event loop waiting.
 * Returns a Markdown table in microseconds per answer, one column per window label
 * (windows with the same label are added up), and the same numbers as data.
 */
export function breakdown(
  profile: CpuProfile,
  windows: readonly ProfileWindow[],
  buckets: readonly Bucket[],
): { table: string; perAnswerUs: Record<string, Record<string, number>> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const rows = [...buckets.map((b) => b.label), 'other (V8, Node, the rest)', 'idle (event loop waiting)'];
  const other = buckets.length;
  const idle = buckets.length + 1;
  const bucketOf = new Map<number, number>();
  const classify = (id: number): number => {
    const known = bucketOf.get(id);
    if (known !== undefined) return known;
    const leaf = byId.get(id)?.callFrame.functionName;
    let best = leaf === IDLE ? idle : other;
    if (best === other)
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame;
        if (!frame) continue;
        const name = `${frame.functionName}@${moduleOf(frame.url, frame.functionName)}`;
        const index = buckets.findIndex((b) => b.frame.test(name));
        if (index >= 0 && index < best) best = index;
      }
    bucketOf.set(id, best);
    return best;
  };

  const labels = [...new Set(windows.map((w) => w.label))];
  const sums = labels.map(() => new Array<number>(rows.length).fill(0));
  const answers = labels.map((label) => windows.filter((w) => w.label === label).reduce((a, w) => a + w.answers, 0));
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    const window = windows.find((w) => t >= w.fromUs && t <= w.toUs);
    if (!window) return;
    sums[labels.indexOf(window.label)]![classify(id)]! += delta;
  });

  const perAnswer = (column: number, row: number) => (answers[column]! > 0 ? sums[column]![row]! / answers[column]! : Number.NaN);
  const us = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '—');
  const busyRows = rows.length - 1;
  const tableRows = rows.map((label, row) => [label, ...labels.map((_, column) => us(perAnswer(column, row)))]);
  const busy = labels.map((_, column) => sums[column]!.slice(0, busyRows).reduce((a, b) => a + b, 0) / answers[column]!);
  tableRows.splice(busyRows, 0, ['**busy, all parts**', ...busy.map(us)]);
  const table = markdownTable(
    [{ title: 'µs of the server’s main thread per answer' }, ...labels.map((title) => ({ title, align: 'right' as const }))],
    tableRows,
  );
  const perAnswerUs = Object.fromEntries(
    labels.map((label, column) => [label, Object.fromEntries(rows.map((row, r) => [row, Math.round(perAnswer(column, r))]))]),
  );
  return { table, perAnswerUs };
}

/** The heaviest modules and functions of the whole profile by self time (busy time only). */
export function topSelfTime(profile: CpuProfile, count = 20): string {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (us === 0 || functionName === IDLE) continue;
    busy += us;
    const module = moduleOf(url, functionName);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
    const name = url ? `${functionName || '(anonymous)'} ${module}:${lineNumber + 1}` : functionName;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => `  ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${name}`);
  return [
    `whole run, ${(busy / 1e6).toFixed(1)} s busy; self time by module:`,
    ...top(byModule),
    'self time by function:',
    ...top(byFunction),
  ].join('\n');
}
