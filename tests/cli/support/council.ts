import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const main = join(repoRoot, 'dist/apps/council-cli/src/main.js');

export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `council <args>` as a user would (the built CLI, a clean environment), and waits for it to end. */
export function council(args: readonly string[], env: Record<string, string> = {}): Promise<Ran> {
  const child = spawn(process.execPath, ['--enable-source-maps', main, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), fail(new Error(`council ${args.join(' ')} did not end:\n${stderr}`))), 60_000);
    child.once('error', fail);
    child.once('close', (code) => (clearTimeout(timer), done({ code, stdout, stderr })));
  });
}

/** `council … --json`, parsed; fails with the CLI's own words when it did not print JSON. */
export async function councilJson<T = Record<string, unknown>>(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; json: T; stderr: string }> {
  const ran = await council([...args, '--json'], env);
  try {
    return { code: ran.code, json: JSON.parse(ran.stdout) as T, stderr: ran.stderr };
  } catch {
    throw new Error(`council ${args.join(' ')} printed no JSON (exit ${ran.code}):\n${ran.stdout}\n${ran.stderr}`);
  }
}
