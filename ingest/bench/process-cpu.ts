import { readdirSync, readFileSync } from 'node:fs';

// Where the machine's CPU goes during a benchmark phase, read from Linux's
// /proc (clock ticks of 1/100 s): the benchmark process itself (publisher,
// counting subscriber, poller), the broker, the worker, and every Postgres
// process together. On another system the figures are left out.
const TICKS_PER_S = 100;

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function postgresTicks(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') ticks += ticksOf(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks;
}

function machineTicks(): { busy: number; total: number } {
  const [, ...counts] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const values = counts.map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

export interface CpuShares {
  /** CPU seconds per process group during the phase. */
  seconds: { bench: number; broker: number; worker: number; postgres: number };
  /** Share of all cores that was busy (any process), 0..1. */
  machineBusy: number;
}

/** Runs `phase` and reports the CPU seconds each process group used meanwhile (undefined off Linux). */
export async function measureCpu<T>(pids: { broker?: number | undefined; worker?: number | undefined }, phase: () => Promise<T>): Promise<{ result: T; cpu: CpuShares | undefined }> {
  if (process.platform !== 'linux') return { result: await phase(), cpu: undefined };
  const before = { bench: process.cpuUsage(), broker: pids.broker ? ticksOf(pids.broker) : 0, worker: pids.worker ? ticksOf(pids.worker) : 0, postgres: postgresTicks(), machine: machineTicks() };
  const result = await phase();
  const bench = process.cpuUsage(before.bench);
  const machine = machineTicks();
  const seconds = {
    bench: (bench.user + bench.system) / 1e6,
    broker: pids.broker ? (ticksOf(pids.broker) - before.broker) / TICKS_PER_S : 0,
    worker: pids.worker ? (ticksOf(pids.worker) - before.worker) / TICKS_PER_S : 0,
    postgres: (postgresTicks() - before.postgres) / TICKS_PER_S,
  };
  return { result, cpu: { seconds, machineBusy: (machine.busy - before.machine.busy) / Math.max(1, machine.total - before.machine.total) } };
}
