// Builds the council's dashboard (apps/council-web) with Vite into dist/apps/council-web
// and checks what a browser downloads first: the entry script, its preloaded chunks and
// the CSS, gzipped, must stay under the budget or the build fails.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './swc-options.mjs';

export const webRoot = join(repoRoot, 'apps/council-web');
export const webOutDir = join(repoRoot, 'dist/apps/council-web');
/** Gzipped bytes of the first download (issue 6: under 400 KB). */
export const INITIAL_DOWNLOAD_BUDGET = 400 * 1024;

/** The files index.html makes the browser fetch before the page can run, with their gzipped sizes. */
export async function initialDownload(outDir = webOutDir) {
  const html = await readFile(join(outDir, 'index.html'));
  const referenced = [...html.toString().matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const files = [{ file: 'index.html', gzip: gzipSync(html, { level: 9 }).length }];
  for (const file of new Set(referenced))
    files.push({ file, gzip: gzipSync(await readFile(join(outDir, file)), { level: 9 }).length });
  return { files, total: files.reduce((sum, f) => sum + f.gzip, 0) };
}

export async function buildWeb() {
  const started = performance.now();
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV it finds (jest sets `test`), which would bundle React's development
  // build: the page served to tests and measured against the budget must be the one users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const { files, total } = await initialDownload();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.error(
    `council-web: initial download ${kb(total)} gzipped (budget ${kb(INITIAL_DOWNLOAD_BUDGET)}): ${files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')}`,
  );
  if (total > INITIAL_DOWNLOAD_BUDGET)
    throw new Error(`council-web: the initial download is ${kb(total)} gzipped, over the ${kb(INITIAL_DOWNLOAD_BUDGET)} budget`);
  return { total, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWeb();
