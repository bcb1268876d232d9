import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file whether it runs from tests/ (jest) or dist/tests/. */
export const repoRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, 'package.json')) && JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'council-platform')) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
})();

const main = join(repoRoot, 'dist/apps/council-api/src/main.js');

/** The V8 flags the server runs with (`npm start`, the Docker image; ADR 0016), from apps/council-api/node-flags.json. */
export function serverNodeFlags(): string[] {
  return JSON.parse(readFileSync(join(repoRoot, 'apps/council-api/node-flags.json'), 'utf8')) as string[];
}

export const TEST_SECRET = 'reliability-secret-0123456789-abcdefghijklmnop';

export interface ApiProcess {
  readonly url: string;
  readonly pid: number;
  readonly dataDir: string;
  /** The last 8 KB the server wrote, stdout and stderr. */
  output(): string;
  /** Resolves when the process has ended. */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no shutdown hook runs, as in a power cut of the process. */
  kill(): Promise<void>;
  /** SIGTERM and wait (graceful shutdown). */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export const makeDataDir = (prefix = 'council-reliability-') => mkdtemp(join(tmpdir(), prefix));
export const removeDataDir = (dir: string) => rm(dir, { recursive: true, force: true });

/**
 * Starts the built council-api (dist/) in a clean environment with its own DATA_DIR,
 * DEMO_DATA=false, an HS256 secret and LOG_LEVEL=warn, on a free port; waits for /health 200.
 * `prefix` runs it through another command that execs it, e.g. `nsenter -t <pid> -m` to
 * start it in another mount namespace.
 */
export async function startApi(
  dataDir: string,
  env: Record<string, string> = {},
  healthTimeoutMs = 30_000,
  prefix: readonly string[] = [],
  /** False: any answer of /health will do (a node started while its store is down answers 503). */
  healthy = true,
): Promise<ApiProcess> {
  const port = await freePort();
  const child = launch(dataDir, port, env, prefix);
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-8_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const early = ended.then(({ code, signal }) => Promise.reject(new Error(`council-api ended (${code ?? signal}) before /health answered 200:\n${tail}`)));
  early.catch(() => undefined);
  try {
    await Promise.race([waitForHealth(url, healthTimeoutMs, healthy), early]);
  } catch (error) {
    child.kill('SIGKILL');
    await ended;
    throw error;
  }
  return {
    url,
    pid: child.pid ?? -1,
    dataDir,
    output: () => tail,
    ended,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await ended;
    },
    stop: () => stopGracefully(child, ended),
  };
}

/** SIGTERM (unless the process already ended), SIGKILL if it is still running 20 s later; resolves with how it ended. */
export async function stopGracefully<T>(child: ChildProcess, ended: Promise<T>): Promise<T> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    return await ended;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts the server and kills it with SIGKILL after `ms`, whatever it was doing (opening
 * files, catching up, seeding); or, given a predicate, as soon as it holds (polled every
 * 5 ms), e.g. when the log has reached some position.
 */
export async function killDuringStart(
  dataDir: string,
  when: number | (() => boolean),
  env: Record<string, string> = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = launch(dataDir, await freePort(), env);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  const timer =
    typeof when === 'number'
      ? setTimeout(() => child.kill('SIGKILL'), when)
      : setInterval(() => {
          if (when()) child.kill('SIGKILL');
        }, 5);
  const outcome = await ended;
  clearTimeout(timer);
  clearInterval(timer);
  return outcome;
}

function launch(dataDir: string, port: number, env: Record<string, string>, prefix: readonly string[] = []): ChildProcess {
  const [command, ...args] = [...prefix, process.execPath, ...serverNodeFlags(), main];
  return spawn(command!, args, {
    cwd: repoRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      AUTH_JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export async function waitForHealth(url: string, timeoutMs: number, healthy = true): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const ok = await fetch(`${url}/health`).then((r) => r.ok || !healthy, () => false);
    if (ok) return;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error(`${url}/health did not answer${healthy ? ' 200' : ''} within ${timeoutMs} ms`);
}

/** The process's resident set size in bytes, from /proc (Linux). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}
