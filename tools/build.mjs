// Compiles apps/, libs/ and tests/ to dist/ with SWC (well under a second for the whole
// workspace); type-checking is `npm run typecheck`, kept apart so the build stays fast.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb } from './build-web.mjs';
import { repoRoot, swcOptions } from './swc-options.mjs';

const roots = ['apps', 'libs', 'tests'];
const outDir = join(repoRoot, 'dist');

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // council-web is built by Vite (tools/build-web.mjs), not file by file.
      if (entry.name !== 'node_modules' && entry.name !== 'web' && entry.name !== 'council-web') yield* sources(path);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.spec.ts')) {
      yield path;
    }
  }
}

async function compile(file) {
  const target = join(outDir, relative(repoRoot, file)).replace(/\.ts$/, '.js');
  const { code, map } = await transformFile(file, { ...swcOptions, filename: file, outputPath: target });
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
  if (map) await writeFile(`${target}.map`, map);
}

/** Builds the workspace and the dashboard into dist/; jest's global setup calls it once per test run. */
export async function build() {
  const started = performance.now();
  await rm(outDir, { recursive: true, force: true });
  const jobs = [];
  for (const root of roots) for await (const file of sources(join(repoRoot, root))) jobs.push(compile(file));
  await Promise.all(jobs);
  await buildWeb();
  return { files: jobs.length, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, ms } = await build();
  console.error(`built ${files} files into dist/ in ${ms} ms`);
}
