import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, serverNodeFlags, stopGracefully, waitForHealth } from '@council/tests/support';

/** The repository root: this file runs as dist/tests/bench/support/server.js. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const main = join(repoRoot, 'dist/apps/council-api/src/main.js');

export interface BenchServer {
  readonly url: string;
  readonly pid: number;
  /** The last lines the server wrote (stdout and stderr), for an error message. */
  output(): string;
  /** SIGTERM, then waits for the process to end (a CPU profile is written at exit). */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the built council-api (`node dist/apps/council-api/src/main.js`) as a child
 * process in a clean environment (nothing leaks in from the caller's, such as
 * EVENTSTORE_URL) and waits until /health answers 200. The port is chosen here rather
 * than with PORT=0, because at LOG_LEVEL=warn the server does not log where it listens.
 * `nodeOptions` goes to the child as NODE_OPTIONS (e.g. `--cpu-prof`).
 */
export async function startBenchServer(env: Record<string, string>, nodeOptions?: string): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...serverNodeFlags(), main], {
    cwd: repoRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const ended = exited(child);
  const url = `http://127.0.0.1:${port}`;
  const healthy = waitForHealth(url, 30_000);
  const early = ended.then(({ code }) => Promise.reject(new Error(`council-api exited with ${code} before answering /health:\n${tail}`)));
  early.catch(() => undefined);
  try {
    await Promise.race([healthy, early]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    pid: child.pid ?? -1,
    output: () => tail,
    stop: () => stopGracefully(child, ended),
  };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolveExit, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolveExit({ code, signal }));
  });
}
