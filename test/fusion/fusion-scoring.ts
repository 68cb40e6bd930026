import { gridDisk, latLngToCell } from 'h3-js';
import { categoryForMetric, metricForCategory, type MetricCode } from '@citytwin/shared';
import type { ScenarioPlan } from '@citytwin/simulators';

type PlannedIncident = ScenarioPlan['incidents'][number];
export type FusionTruthClass = 'confirmed' | 'blind_spot' | 'silent_risk';

/** How one incident of a scenario is scored: which pair, and which of its cells the signals can show. */
export interface IncidentScoring {
  /** The metric and first-level category compared; no metric when the category has no pair. */
  metric: MetricCode | null;
  category: string;
  /** Ground-truth cells that hold the planted signal: see {@link coreCells}. */
  core: string[];
}

/** One row of the recall / precision table. */
export interface ScoreRow {
  scenario: string;
  incident: string;
  class: FusionTruthClass;
  pair: string;
  truth: number;
  core: number;
  predicted: number;
  hits: number;
  recall: number;
  recallCore: number;
  precision: number;
  precisionRing1: number;
}

/** The pair an incident is judged on: its metric's (physical classes) or its category's (blind spots). */
export function incidentPair(planned: PlannedIncident): { metric: MetricCode | null; category: string } {
  const metric = (planned.incident.physical ?? []).map((effect) => effect.metric).find((code) => categoryForMetric(code));
  const category = (planned.incident.human ?? [])[0]?.category.split('.')[0];
  if (planned.incident.class !== 'blind_spot' && metric) return { metric, category: categoryForMetric(metric)! };
  if (!category) throw new Error(`incident ${planned.incident.id} has no paired metric and no category`);
  return { metric: metricForCategory(category) ?? null, category };
}

/**
 * The planted core: the ground-truth cells where the incident's signal can be
 * seen at all. Human side: cells that received an appeal of the incident's
 * categories in its window. Physical side: cells holding a sensor of the
 * metric inside the incident area, or without a sensor of their own and
 * next to one (the sensor that covers them). A confirmed incident's core
 * needs both; a blind spot's the human side; a silent risk's the physical side.
 */
export function coreCells(plan: ScenarioPlan, planned: PlannedIncident, metric: MetricCode | null, appealCells: ReadonlySet<string>): string[] {
  const res = 9;
  const sensorsOf = metric ? plan.sensors.filter((sensor) => sensor.metrics.includes(metric)) : [];
  const sensorCells = new Set(sensorsOf.map((sensor) => latLngToCell(sensor.lat, sensor.lng, res)));
  const affected = new Set(sensorsOf.filter((sensor) => planned.area.contains(sensor.lng, sensor.lat)).map((sensor) => latLngToCell(sensor.lat, sensor.lng, res)));
  const seenPhysically = (cell: string) => affected.has(cell) || (!sensorCells.has(cell) && gridDisk(cell, 1).some((near) => affected.has(near)));
  const seenByResidents = (cell: string) => appealCells.has(cell);
  return planned.cells.filter((cell) => {
    if (planned.incident.class === 'confirmed') return seenPhysically(cell) && seenByResidents(cell);
    if (planned.incident.class === 'silent_risk') return seenPhysically(cell);
    return seenByResidents(cell);
  });
}

/** Recall (of truth and of core cells) and precision (exact, and counting ring-1 neighbours of truth as hits). */
export function scoreCells(predicted: ReadonlySet<string>, truth: readonly string[], core: readonly string[]): Pick<ScoreRow, 'truth' | 'core' | 'predicted' | 'hits' | 'recall' | 'recallCore' | 'precision' | 'precisionRing1'> {
  const truthSet = new Set(truth);
  const nearTruth = new Set(truth.flatMap((cell) => gridDisk(cell, 1)));
  const hits = [...predicted].filter((cell) => truthSet.has(cell)).length;
  const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : Math.round((a / b) * 1000) / 1000);
  return {
    truth: truth.length,
    core: core.length,
    predicted: predicted.size,
    hits,
    recall: ratio(hits, truth.length),
    recallCore: ratio(core.filter((cell) => predicted.has(cell)).length, core.length),
    precision: ratio(hits, predicted.size),
    precisionRing1: ratio([...predicted].filter((cell) => nearTruth.has(cell)).length, predicted.size),
  };
}

/** The rows as a Markdown table. */
export function formatScoreTable(rows: readonly ScoreRow[]): string {
  const header = '| scenario | incident | class | pair | truth cells | core cells | predicted | hits | recall | recall (core) | precision | precision (ring 1) |';
  const lines = rows.map((row) => `| ${row.scenario} | ${row.incident} | ${row.class} | ${row.pair} | ${row.truth} | ${row.core} | ${row.predicted} | ${row.hits} | ${row.recall} | ${row.recallCore} | ${row.precision} | ${row.precisionRing1} |`);
  return [header, '|---|---|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}
