import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A fresh directory for one benchmark run: under $BENCH_DIR if set, else the OS temp dir. */
export interface BenchDir {
  readonly path: string;
  /** A file name inside the directory. */
  file(name: string): string;
  /** Deletes the directory unless $BENCH_KEEP is set. */
  remove(): void;
}

export function createBenchDir(prefix: string): BenchDir {
  const path = mkdtempSync(join(process.env['BENCH_DIR'] ?? tmpdir(), `${prefix}-`));
  return {
    path,
    file: (name) => join(path, name),
    remove: () => {
      if (!process.env['BENCH_KEEP']) rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Writes `reports/<name>` (relative to the working directory, the repository root under npm). */
export async function writeReport(name: string, value: unknown): Promise<string> {
  const dir = resolve(process.cwd(), 'reports');
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}
