import { readFileSync } from 'node:fs';

/** USER_HZ: the unit of /proc/<pid>/stat's times on every Linux build that matters. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, all threads) that process `pid` has used so far, in
 * milliseconds, from /proc/<pid>/stat; undefined where there is no /proc (not Linux)
 * or the process is gone. Resolution 10 ms: good for rounds of a second or more.
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: split after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 (utime) and 15 (stime) of the whole line are 12 and 13 after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time this process has used so far, in milliseconds (all threads). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
