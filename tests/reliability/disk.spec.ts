import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Answer, type ApiProcess, AUDITOR, COMMITTER, gql, proposal, PROPOSE, repoRoot, startApi, tokenFor } from '@council/tests/support';
import { type Acknowledged, logProblems, readLog, readModelDifference } from './support/log-check.js';

/**
 * The disk under the real council-api process fails for real: its DATA_DIR is a small
 * tmpfs that fills up, and an ext4 file system that the kernel turns read-only under it
 * (errors=remount-ro, as on a disk error). Mutations get the retryable error of
 * docs/api.md, the server stays up and answers queries, /health says why, nothing
 * acknowledged is lost and nothing is half-written; when space returns the server
 * resumes by itself, and `council verify` passes.
 *
 * Mounts happen in a mount namespace of their own (`unshare -m` as root, `unshare -rm`
 * otherwise, which needs no privilege); the server runs in it (`nsenter`) and the test
 * copies its files out through /proc/<pid>/root once it has stopped. Where that is impossible the tests say
 * skipped, with the reason. The read-only case needs a loop device: root only.
 */

interface Namespace {
  readonly holder: ChildProcess;
  /** Runs a command inside the namespace. */
  readonly enter: readonly string[];
  /** Copies the namespace's `path` to `to` outside it (SQLite resolves /proc/<pid>/root to `/`, so it cannot open the files there). */
  copyOut(path: string, to: string): string;
  run(command: string, ...args: string[]): string;
}

const root = process.getuid?.() === 0;

function openNamespace(): Namespace | string {
  const unshare = root ? ['-m', '--propagation', 'private'] : ['-r', '-m', '--propagation', 'private'];
  const probe = spawnSync('unshare', [...unshare, 'sh', '-c', `mount -t tmpfs -o size=1m tmpfs ${tmpdir()}`], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `cannot mount a tmpfs in a mount namespace here (unshare ${unshare.join(' ')}: ${probe.error?.message ?? probe.stderr.trim()})`;
  const holder = spawn('unshare', [...unshare, 'sleep', 'infinity'], { stdio: 'ignore' });
  const enter = ['nsenter', '-t', String(holder.pid), ...(root ? ['-m'] : ['-U', '-m', '--preserve-credentials']), '--'];
  return {
    holder,
    enter,
    copyOut: (path, to) => (execFileSync('cp', ['-a', `/proc/${holder.pid}/root${path}/.`, to]), to),
    run: (command, ...args) => execFileSync(enter[0]!, [...enter.slice(1), command, ...args], { encoding: 'utf8' }),
  };
}

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
};

const health = async (url: string) => {
  const response = await fetch(`${url}/health`);
  return { status: response.status, body: (await response.json()) as { error?: Record<string, { status: string; reason?: string; stoppedBecause?: string }> } };
};

const refusal = (answer: Answer) => answer.body.errors?.map((e) => ({ code: e.extensions?.code, retryable: e.extensions?.['retryable'], message: e.message }));
const RETRYABLE = [{ code: 'INTERNAL_SERVER_ERROR', retryable: true, message: 'The service is temporarily unavailable; retry later' }];

/** Both SQLite files of a data directory pass `PRAGMA integrity_check`. */
function integrity(dir: string): string[] {
  return ['events.sqlite', 'read-models.sqlite'].map((file) => {
    const db = new DatabaseSync(join(dir, file), { readOnly: true });
    try {
      return `${file}: ${(db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check}`;
    } finally {
      db.close();
    }
  });
}

/** `council verify` on the data directory: exit status and its JSON answer. */
function councilVerify(dir: string): { status: number | null; ok: unknown } {
  const cli = spawnSync(process.execPath, [join(repoRoot, 'dist/apps/council-cli/src/main.js'), 'verify', '-d', dir, '--json'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
  let ok: unknown = cli.stdout;
  try {
    ok = (JSON.parse(cli.stdout) as { ok?: unknown }).ok;
  } catch {
    // not JSON: shown as it is
  }
  return { status: cli.status, ok };
}

const ns = openNamespace();
const skip = typeof ns === 'string' ? ns : undefined;

describe(`council-api on a disk that fills up or turns read-only${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const work = mkdtempSync(join(tmpdir(), 'council-disk-'));
  let committer: string;
  let auditor: string;
  const space = typeof ns === 'string' ? undefined : ns;

  beforeAll(async () => {
    [committer, auditor] = await Promise.all([tokenFor(COMMITTER), tokenFor(AUDITOR)]);
  });

  afterAll(() => {
    space?.holder.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  /** Sends proposals, four at a time, until the first refusal; returns the acknowledged ones and the refusals. */
  async function fill(server: ApiProcess, label: string, acknowledged: Map<string, Acknowledged>) {
    const refused: { commandId: string; answer: Answer }[] = [];
    for (let n = 0; refused.length === 0 && n < 20_000; n += 4) {
      await Promise.all(
        [0, 1, 2, 3].map(async (k) => {
          const commandId = `${label}-${n + k}`;
          const input = { ...proposal(commandId), description: `${'Hoàn thành giải phóng mặt bằng và bàn giao cho chủ đầu tư. '.repeat(40)}${commandId}` };
          const answer = await gql(server.url, committer, PROPOSE, { input, commandId });
          const field = answer.body.data?.['proposeCommitment'] as { id: string; revision: number } | undefined;
          if (field) acknowledged.set(commandId, { commandId, streamId: `commitment-${field.id}`, revision: field.revision });
          else refused.push({ commandId, answer });
        }),
      );
    }
    return refused;
  }

  /** While the disk refuses writes: retryable refusals, /health 503 with the reason, queries answered, the process alive. */
  async function expectDegraded(server: ApiProcess, refused: { commandId: string; answer: Answer }[], reason: RegExp) {
    expect(refused.map((r) => refusal(r.answer))).toEqual(refused.map(() => RETRYABLE));
    const again = await gql(server.url, committer, PROPOSE, { input: proposal('while-degraded'), commandId: refused[0]!.commandId });
    expect(refusal(again)).toEqual(RETRYABLE);
    const down = await health(server.url);
    expect(down.status).toBe(503);
    expect(down.body.error?.['eventStore']?.reason ?? '').toMatch(reason);
    const listed = await gql(server.url, committer, 'query { commitments(filter: { province: "79", role: COMMITTER }, first: 3) { edges { node { id } } } }');
    expect(listed.body.errors).toBeUndefined();
    expect((listed.body.data?.['commitments'] as { edges: unknown[] }).edges.length).toBeGreaterThan(0);
  }

  /** The refused commands sent again with their commandIds: each recorded once. */
  async function retry(server: ApiProcess, refused: { commandId: string }[], acknowledged: Map<string, Acknowledged>) {
    for (const { commandId } of refused) {
      const input = { ...proposal(commandId), description: `${'Hoàn thành giải phóng mặt bằng và bàn giao cho chủ đầu tư. '.repeat(40)}${commandId}` };
      const answer = await gql(server.url, committer, PROPOSE, { input, commandId });
      expect({ commandId, errors: answer.body.errors }).toEqual({ commandId, errors: undefined });
      const field = answer.body.data?.['proposeCommitment'] as { id: string; revision: number };
      acknowledged.set(commandId, { commandId, streamId: `commitment-${field.id}`, revision: field.revision });
    }
  }

  /** After a graceful stop: every acknowledged command once and whole, both files sound, read models equal a rebuild, `council verify` passes. */
  async function expectSound(dir: string, acknowledged: Map<string, Acknowledged>) {
    const log = await readLog(dir);
    expect(logProblems(log, acknowledged.values())).toEqual([]);
    const perCommand = new Map<string, number>();
    for (const e of log) if (e.metadata.commandId) perCommand.set(e.metadata.commandId, (perCommand.get(e.metadata.commandId) ?? 0) + 1);
    expect([...acknowledged.keys()].filter((id) => perCommand.get(id) !== 1)).toEqual([]);
    expect(integrity(dir)).toEqual(['events.sqlite: ok', 'read-models.sqlite: ok']);
    expect(await readModelDifference(dir)).toBeNull();
    expect(councilVerify(dir)).toEqual({ status: 0, ok: true });
    return log;
  }

  (skip ? it.skip : it)('full tmpfs: retryable refusals, /health 503, queries answered; resumes by itself when the tmpfs grows', async () => {
    const { run, enter, copyOut } = space!;
    const dir = join(work, 'full');
    run('mkdir', '-p', dir);
    run('mount', '-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', dir);
    const acknowledged = new Map<string, Acknowledged>();
    const server = await startApi(dir, {}, 60_000, enter);
    let filledAfter: number | undefined;
    try {
      const refused = await fill(server, 'full', acknowledged);
      filledAfter = acknowledged.size;
      expect(refused.length).toBeGreaterThan(0);
      await expectDegraded(server, refused, /disk is full/);

      // With the type and source spelled out: util-linux's short form fails in a user namespace.
      run('mount', '-t', 'tmpfs', '-o', 'remount,size=64m', 'tmpfs', dir);
      // By itself: /health probes with a real write, no client needs to write first.
      await waitFor('/health 200 after the tmpfs grew', async () => (await health(server.url)).status === 200);
      await retry(server, refused, acknowledged);
      const after = await gql(server.url, auditor, 'query { verifyIntegrity { ok } }');
      expect(after.body.data?.['verifyIntegrity']).toEqual({ ok: true });
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    } finally {
      await server.kill();
    }
    const log = await expectSound(copyOut(dir, mkdtempSync(join(work, 'copy-'))), acknowledged);
    process.stdout.write(`disk: a 6 MiB tmpfs filled after ${filledAfter} acknowledged proposals (${log.length} events); writes resumed when it grew to 64 MiB\n`);
  }, 180_000);

  (skip || !root ? it.skip : it)(`read-only file system (ext4 errors=remount-ro under the running server)${!skip && !root ? ' (skipped: a loop device needs root)' : ''}`, async () => {
    const { run, enter, copyOut } = space!;
    const dir = join(work, 'ro');
    const image = join(work, 'ro.img');
    execFileSync('truncate', ['-s', '64M', image]);
    execFileSync('mkfs.ext4', ['-q', '-F', image]);
    run('mkdir', '-p', dir);
    run('mount', '-o', 'loop,errors=remount-ro', image, dir);
    const device = run('findmnt', '-n', '-o', 'SOURCE', dir).trim().replace('/dev/', '');
    const acknowledged = new Map<string, Acknowledged>();
    let server = await startApi(dir, {}, 60_000, enter);
    let refused: { commandId: string; answer: Answer }[];
    try {
      for (let n = 0; n < 20; n++) {
        const commandId = `ro-before-${n}`;
        const answer = await gql(server.url, committer, PROPOSE, { input: proposal(commandId), commandId });
        const field = answer.body.data?.['proposeCommitment'] as { id: string; revision: number };
        acknowledged.set(commandId, { commandId, streamId: `commitment-${field.id}`, revision: field.revision });
      }
      // The kernel turns the file system read-only under the open files, as on a disk error.
      execFileSync('sh', ['-c', `echo 1 > /sys/fs/ext4/${device}/trigger_fs_error`]);
      refused = await fill(server, 'ro', acknowledged);
      expect(refused.length).toBeGreaterThan(0);
      await expectDegraded(server, refused, /read-only|SQLITE_READONLY|SQLITE_IOERR/);
      // It stays up and keeps saying so.
      expect((await health(server.url)).status).toBe(503);
      await server.stop();
    } finally {
      await server.kill();
    }
    // An ext4 turned read-only by an error is repaired offline: unmount, fsck, mount again, start.
    run('umount', dir);
    const fsck = spawnSync('e2fsck', ['-f', '-y', image], { encoding: 'utf8' });
    expect([0, 1]).toContain(fsck.status);
    run('mount', '-o', 'loop,errors=remount-ro', image, dir);
    server = await startApi(dir, {}, 60_000, enter);
    try {
      await retry(server, refused, acknowledged);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    } finally {
      await server.kill();
    }
    await expectSound(copyOut(dir, mkdtempSync(join(work, 'copy-'))), acknowledged);
    run('umount', dir);
  }, 180_000);
});
