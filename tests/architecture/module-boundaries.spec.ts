import { beforeAll, describe, expect, it } from '@jest/globals';
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';

// Each rule of docs/adr/0002-module-boundaries.md, proven once with a deliberately bad import.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

beforeAll(async () => {
  process.env['NX_DAEMON'] = 'false';
  await createProjectGraphAsync({ exitOnError: false });
}, 60_000);

describe('module boundaries', () => {
  it('forbid the kernel any npm package', async () => {
    expect(await problems('libs/platform/event-sourcing/src/bad.ts', "import { of } from 'rxjs';\nexport const x = of;\n")).toEqual([
      expect.stringMatching(/enforce-module-boundaries: A project tagged with "type:kernel" is not allowed to import "rxjs"/),
    ]);
  });

  it('forbid the kernel I/O modules of Node, but let it hash', async () => {
    expect(await problems('libs/platform/event-sourcing/src/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([
      expect.stringMatching(/no-restricted-imports: .*does no I\/O/),
    ]);
    expect(await problems('libs/platform/event-sourcing/src/ok.ts', "import { createHash } from 'node:crypto';\nexport const x = createHash;\n")).toEqual([]);
  });

  it('forbid the kernel to depend on an adapter or a feature', async () => {
    const found = await problems(
      'libs/platform/event-sourcing/src/bad.ts',
      "import { SqliteEventStore } from '@council/platform/event-store-sqlite';\nexport const x = SqliteEventStore;\n",
    );
    // Every lib depends on the kernel, so the rule may name the cycle before the tag.
    expect(found).toEqual([
      expect.stringMatching(/enforce-module-boundaries: (A project tagged with "type:kernel" can only depend|Circular dependency)/),
    ]);
  });

  it('forbid features a store adapter, the SQLite driver and the EventStoreDB client', async () => {
    const feature = 'libs/platform/nest/src/bad.ts';
    expect(await problems(feature, "import { SqliteEventStore } from '@council/platform/event-store-sqlite';\nexport const x = SqliteEventStore;\n")).toEqual([
      expect.stringMatching(/enforce-module-boundaries: A project tagged with "type:feature" can only depend on libs tagged with/),
    ]);
    expect(await problems(feature, "import { DatabaseSync } from 'node:sqlite';\nexport const x = DatabaseSync;\n")).toEqual([
      expect.stringMatching(/no-restricted-imports: 'node:sqlite' import is restricted/),
    ]);
    expect(await problems(feature, "import { KurrentDBClient } from '@kurrent/kurrentdb-client';\nexport const x = KurrentDBClient;\n")).toEqual([
      expect.stringMatching(/enforce-module-boundaries: A project tagged with "type:feature" is not allowed to import "@kurrent\/kurrentdb-client"/),
    ]);
  });

  it('keep the audit scope off the commitments: it reads the log, not another feature', async () => {
    expect(await problems('libs/audit/feature/src/bad.ts', "import { COMMITMENTS_POLICY } from '@council/commitments/feature';\nexport const x = COMMITMENTS_POLICY;\n")).toEqual([
      expect.stringMatching(/enforce-module-boundaries: A project tagged with "scope:audit" can only depend on libs tagged with "scope:audit", "scope:platform"/),
    ]);
  });

  it('let the CLI tests, and no other test, open node:sqlite to tamper with the log', async () => {
    const code = "import { DatabaseSync } from 'node:sqlite';\nexport const x = DatabaseSync;\n";
    expect(await problems('tests/cli/ok.ts', code)).toEqual([]);
    expect(await problems('tests/e2e/bad.ts', code)).toEqual([expect.stringMatching(/no-restricted-imports: 'node:sqlite' import is restricted/)]);
  });

  it('let an app pick an adapter', async () => {
    expect(
      await problems('apps/council-api/src/ok.ts', "import { SqliteEventStore } from '@council/platform/event-store-sqlite';\nexport const x = SqliteEventStore;\n"),
    ).toEqual([]);
  });

  it('forbid reading the time other than through the Clock', async () => {
    expect(await problems('libs/platform/nest/src/bad.ts', 'export const now = Date.now();\n')).toEqual([
      expect.stringMatching(/no-restricted-syntax: Inject the Clock/),
    ]);
  });
});
