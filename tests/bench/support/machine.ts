import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';
import { resolve } from 'node:path';

export interface MachineDescription {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly os: string;
  /** File system (type and device) holding the benchmark databases, from /proc/mounts where available. */
  readonly storage: string;
  /** 1-minute load average when the run started: above the core count, other work competed for the CPU. */
  readonly loadAverage: number;
}

/** What the numbers were measured on; `dir` is where the benchmark writes its files. */
export function describeMachine(dir: string): MachineDescription {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
    storage: describeStorage(dir),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function formatMachine(m: MachineDescription): string {
  return [
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB`,
    `runtime: Node ${m.node} on ${m.os}`,
    `storage: ${m.storage}`,
    `load average at start: ${m.loadAverage}${m.loadAverage > m.cores * 0.5 ? ' (other work was running: expect noise)' : ''}`,
  ].join('\n');
}

/** The longest mount point containing `dir` (Linux only; elsewhere "unknown"). */
function describeStorage(dir: string): string {
  try {
    const path = resolve(dir);
    let best: { mount: string; fs: string; device: string } | undefined;
    for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [device, mount, fs] = line.split(' ');
      if (!device || !mount || !fs) continue;
      const inside = mount === '/' || path === mount || path.startsWith(`${mount}/`);
      if (inside && (!best || mount.length > best.mount.length)) best = { mount, fs, device };
    }
    return best ? `${path} on ${best.fs} (${best.device} at ${best.mount})` : `${path} (unknown file system)`;
  } catch {
    return `${dir} (unknown file system)`;
  }
}
