import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const main = join(repoRoot, 'dist/apps/council-api/src/main.js');

/** One JSON line of the server's log. */
export type LogLine = Record<string, unknown> & { level: string; msg?: string };

export interface Exited {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningServer {
  readonly url: string;
  readonly dataDir: string;
  /** The JSON lines logged so far. */
  logs(): LogLine[];
  /** Sends SIGTERM and waits for the process to end. */
  stop(): Promise<Exited>;
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'council-e2e-'));
}

export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}

/**
 * Starts `node dist/apps/council-api/src/main.js` on a free port (PORT=0) in a clean
 * environment (nothing leaks in from the caller's, such as EVENTSTORE_URL) and waits
 * until /health answers 200.
 */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = launch({ DATA_DIR: dataDir, ...env });
  const lines: LogLine[] = [];
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ending = exited(child, 120_000);
  const listening = new Promise<string>((resolveUrl) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const complete = stdout.split('\n');
      stdout = complete.pop() ?? '';
      for (const line of complete.flatMap(parseLine)) {
        lines.push(line);
        if (typeof line.url === 'string') resolveUrl(line.url);
      }
    });
  });
  const url = await Promise.race([
    listening,
    ending.then(({ code }) => Promise.reject(new Error(`council-api exited with ${code} before listening:\n${stderr}`))),
  ]);
  await waitForHealth(url);
  return {
    url,
    dataDir,
    logs: () => [...lines],
    stop: async () => {
      child.kill('SIGTERM');
      return ending;
    },
  };
}

/** Starts the server and waits for it to end on its own, as it does on a bad configuration. */
export async function runToExit(env: Record<string, string>): Promise<Exited> {
  return exited(launch(env), 30_000);
}

function launch(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--enable-source-maps', main], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<Exited> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process did not exit within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolveExit({ code, signal, stdout, stderr });
    });
  });
}

function parseLine(text: string): LogLine[] {
  try {
    return [JSON.parse(text) as LogLine];
  } catch {
    return [];
  }
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`${url}/health did not answer 200`);
}
