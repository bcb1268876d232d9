// One place that turns tsconfig.base.json into SWC options, so the build, jest and the
// benchmarks compile the same way (decorator metadata for NestJS, `@council/*` paths
// rewritten to relative ESM specifiers).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const tsconfig = JSON.parse(readFileSync(resolve(repoRoot, 'tsconfig.base.json'), 'utf8'));

/** SWC options for one TypeScript file compiled to native ESM. */
export const swcOptions = {
  sourceMaps: true,
  module: { type: 'es6', resolveFully: true },
  jsc: {
    target: 'es2024',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
    baseUrl: repoRoot,
    paths: tsconfig.compilerOptions.paths,
  },
};

/** The same for the dashboard's TSX (React's automatic JSX runtime), used by jest's component tests. */
export const swcTsxOptions = {
  ...swcOptions,
  jsc: {
    ...swcOptions.jsc,
    parser: { syntax: 'typescript', tsx: true, decorators: false },
    transform: { react: { runtime: 'automatic' } },
  },
};
