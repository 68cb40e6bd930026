import { readFile } from 'node:fs/promises';

/** A V8 CPU profile as `Profiler.stop` returns it (the fields used here). */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  selfMs: number;
  /** Share of the busy (non-idle) time. */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  top: FunctionTime[];
  /** Busy time per stage of the pipeline, ms. */
  stages: Record<Stage, number>;
}

export type Stage = 'mqtt' | 'parse' | 'h3' | 'batching' | 'copyText' | 'rollups' | 'pgDriver' | 'gc' | 'other';

// Which stage a function belongs to, by its source file (first match wins).
const STAGE_OF_FILE: Array<[RegExp, Stage]> = [
  [/\/(mqtt|mqtt-packet|bl|readable-stream|debug|commist|number-allocator)\//, 'mqtt'],
  [/telemetry\/|message-handler|cell-cache|encoding/, 'parse'],
  [/h3-js|grid\/cell/, 'h3'],
  [/batch-writer|ingest-worker|ack-gate|ingest-stats/, 'batching'],
  [/db\/readings|copy-text/, 'copyText'],
  [/rollup-deltas|rollup-ranges/, 'rollups'],
  [/\/(pg|pg-protocol|pg-types|pg-copy-streams|pg-pool|postgres-array)\//, 'pgDriver'],
];

function stageOf(functionName: string, url: string): Stage {
  if (functionName === '(garbage collector)') return 'gc';
  for (const [pattern, stage] of STAGE_OF_FILE) if (pattern.test(url)) return stage;
  return 'other';
}

// Samples taken while the profiler hook itself works (stopping, serialising) are not the worker's.
function profilerOwnNodes(profile: CpuProfile): Set<number> {
  const own = new Set<number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const mark = (id: number) => {
    own.add(id);
    for (const child of byId.get(id)?.children ?? []) mark(child);
  };
  for (const node of profile.nodes) if (node.callFrame.url.includes('cpu-profile-hook') && !own.has(node.id)) mark(node.id);
  return own;
}

function label(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url ? frame.url.split('/').slice(-2).join('/') : '(native)';
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** Self time per function of a profile file, the `count` largest, and time per pipeline stage. */
export async function summariseProfile(file: string, count = 5): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const ownWork = profilerOwnNodes(profile);
  const selfUs = new Map<string, number>();
  const stages: Record<Stage, number> = { mqtt: 0, parse: 0, h3: 0, batching: 0, copyText: 0, rollups: 0, pgDriver: 0, gc: 0, other: 0 };
  let idleUs = 0;
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id)!;
    const us = profile.timeDeltas[i] ?? 0;
    if (ownWork.has(id)) return;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      return;
    }
    busyUs += us;
    const name = label(frame);
    selfUs.set(name, (selfUs.get(name) ?? 0) + us);
    stages[stageOf(frame.functionName, frame.url)] += us / 1000;
  });
  const top = [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), share: Number((us / busyUs).toFixed(3)) }));
  for (const stage of Object.keys(stages) as Stage[]) stages[stage] = Math.round(stages[stage]);
  return { busyMs: Math.round(busyUs / 1000), idleMs: Math.round(idleUs / 1000), top, stages };
}
