import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { printSchemaFile } from '@council/platform/nest';
import { AppModule } from './app.module.js';
import { loadConfig } from './config.js';

const SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../schema.gql');
const REGENERATE = 'UPDATE_SCHEMA=1 npm run test:jest -- apps/council-api/src/schema.spec.ts';

/** The schema the application serves, built by starting its modules (no HTTP listener). */
async function servedSchema(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'council-schema-'));
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
  try {
    await app.init();
    return printSchemaFile(app.get(GraphQLSchemaHost).schema);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('the committed schema.gql', () => {
  it('is the schema the code serves', async () => {
    const served = await servedSchema();
    if (process.env.UPDATE_SCHEMA === '1') await writeFile(SCHEMA_FILE, served);
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    if (committed !== served)
      throw new Error(
        `schema.gql differs from the schema the code serves. Review the change, then regenerate it with\n  ${REGENERATE}\n\n` +
          firstDifference(committed, served),
      );
    expect(committed).toBe(served);
  });
});

function firstDifference(committed: string, served: string): string {
  const a = committed.split('\n');
  const b = served.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `first difference at line ${at + 1}:\n  committed: ${a[at] ?? '(end of file)'}\n  served:    ${b[at] ?? '(end of file)'}`;
}
