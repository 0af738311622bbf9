import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far; 0 where /proc is not there. */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds the whole machine has been busy (all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return (values.reduce((s, v) => s + v, 0) - idle) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Measures who used the CPU while `run` ran: this process, the given others, and everything else together. */
export async function cpuSplit<T>(processes: Record<string, number>, run: () => Promise<T>): Promise<{ result: T; text: string }> {
  const wallStart = performance.now();
  const before = { self: process.cpuUsage(), machine: machineBusySeconds(), others: Object.fromEntries(Object.entries(processes).map(([k, pid]) => [k, processCpuSeconds(pid)])) };
  const result = await run();
  const wall = (performance.now() - wallStart) / 1000;
  const self = process.cpuUsage(before.self);
  const selfSeconds = (self.user + self.system) / 1e6;
  const others = Object.entries(processes).map(([k, pid]) => [k, processCpuSeconds(pid) - before.others[k]!] as const);
  const machine = machineBusySeconds() - before.machine;
  const rest = machine - selfSeconds - others.reduce((s, [, v]) => s + v, 0);
  const share = (seconds: number) => `${((seconds / wall) * 100).toFixed(0)}%`;
  const text = [`bench process ${share(selfSeconds)}`, ...others.map(([k, v]) => `${k} ${share(v)}`), `everything else (PostgreSQL, other users) ${share(Math.max(0, rest))}`].join(', ');
  return { result, text: `CPU over ${wall.toFixed(0)} s, in % of one core (2 cores = 200%): ${text}` };
}
