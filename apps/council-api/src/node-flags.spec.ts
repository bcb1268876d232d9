import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const flags = JSON.parse(readFileSync(join(root, 'apps/council-api/node-flags.json'), 'utf8')) as string[];

describe('the V8 flags the server runs with (ADR 0016)', () => {
  it('are the same wherever the server is started: npm start and the Docker image', () => {
    const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start']!;
    const command = /node (.*) dist\/apps\/council-api\/src\/main\.js/.exec(start)?.[1]?.split(' ') ?? [];
    expect(command.filter((arg) => !arg.startsWith('--enable-source-maps'))).toEqual(flags);
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1];
    const docker = (JSON.parse(cmd ?? '[]') as string[]).slice(1, -1);
    expect(docker.filter((arg) => !arg.startsWith('--enable-source-maps'))).toEqual(flags);
  });

  it('are flags this Node accepts (an unknown one stops node before it starts)', () => {
    expect(flags.length).toBeGreaterThan(0);
    const run = spawnSync(process.execPath, [...flags, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(spawnSync(process.execPath, ['--no-such-v8-flag-for-council', '-e', 'process.exit(0)']).status).not.toBe(0);
  });
});
