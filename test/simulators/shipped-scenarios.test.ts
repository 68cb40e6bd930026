import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellToParent } from 'h3-js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreCells, formatScoreTable, incidentPair, scoreCells, type ScoreRow } from '../fusion/fusion-scoring';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { CITY_PROFILES, DEFAULT_TOPIC_PREFIX } from '@citytwin/shared';
import { SHIPPED_SCENARIOS_DIR, bboxArea, cellsOfArea, formatScenarioSummary, loadScenarioFile, planScenario, runScenario, type Scenario, type ScenarioPlan, type ScenarioRunResult } from '@citytwin/simulators';
import { countAppeals, countReadings } from '@citytwin/store';
import { pollUntil } from '../support/poll-until';
import { splitByIncident, windowQuery, type CellRow } from './scenario-cells';

const KEY = 'scenario-admin-key';
/** Res-9 cells of the area the background fleet and appeals cover. */
const CITY_CELLS = cellsOfArea(bboxArea(CITY_PROFILES.beijing.simulationBounds), 9).length;
const SCENARIOS = ['night-construction-noise', 'rainstorm-flooding-blind-spot', 'pm25-silent-risk', 'streetlight-outage', 'heating-failure'];

async function getCells<T>(stack: Stack, path: string, query: string): Promise<T[]> {
  const response = await fetch(`${stack.url}${path}?${query}`, { headers: { authorization: `Bearer ${KEY}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { cells: T[] }).cells;
}
const cells = (stack: Stack, query: string) => getCells<CellRow>(stack, '/api/cells', query);

/** Fusion scores of every incident of every scenario, printed as one table at the end. */
const SCORES: ScoreRow[] = [];
afterAll(() => {
  if (SCORES.length > 0) console.log(`fusion classes against ground truth (each incident's window, confidence 95, FDR):\n${formatScoreTable(SCORES)}`);
});

describe.each(SCENARIOS)('shipped scenario %s, run accelerated against the embedded stack', (name) => {
  let stack: Stack;
  let dataDir: string;
  let result: ScenarioRunResult;
  let scenario: Scenario;
  let plan: ScenarioPlan;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), `citytwin-scenario-${name}-`));
    // An accelerated scenario posts days of appeals and workflow steps in seconds: more than a key's default writes a minute.
    stack = await startStack(loadConfig({ PORT: '0', MQTT_PORT: '0', DATA_DIR: dataDir, SIMULATE: 'off', HOST: '127.0.0.1', API_KEYS: `${KEY}=admin`, RATE_LIMIT_KEYED: '100000' }), pino({ level: 'silent' }));
    scenario = await loadScenarioFile(join(SHIPPED_SCENARIOS_DIR, `${name}.yaml`));
    plan = planScenario(scenario, Date.now());
    result = await runScenario(plan, { mqttUrl: stack.mqttUrl, topicPrefix: DEFAULT_TOPIC_PREFIX, apiUrl: stack.url, apiKey: KEY, speed: Infinity });
    console.log(formatScenarioSummary(result));
    await pollUntil('every reading stored', async () => ((await countReadings(stack.store.db)) >= result.fleet.readings ? true : undefined), 120_000);
  });

  afterAll(async () => {
    await stack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores every reading and appeal it sent, without errors', async () => {
    expect(result.fleet.errors).toBe(0);
    expect(result.appeals.errors).toBe(0);
    expect(await countReadings(stack.store.db)).toBe(result.fleet.readings);
    expect(await countAppeals(stack.store.db)).toBe(result.appeals.appeals);
  });

  it('writes a ground truth listing every incident with its cells and window', () => {
    expect(result.truth.scenario).toBe(name);
    expect(result.truth.incidents.map((incident) => [incident.id, incident.class])).toEqual(scenario.incidents.map((incident) => [incident.id, incident.class]));
    for (const incident of result.truth.incidents) {
      expect(incident.cells.length).toBeGreaterThan(0);
      expect(incident.cells.every((cell) => /^89[0-9a-f]{13}$/.test(cell))).toBe(true);
      expect(Date.parse(incident.to)).toBeGreaterThan(Date.parse(incident.from));
      expect(Date.parse(incident.from)).toBeGreaterThanOrEqual(Date.parse(result.truth.from));
      expect(Date.parse(incident.to)).toBeLessThanOrEqual(Date.parse(result.truth.to));
    }
  });

  // Scored three ways: the ground truth's own resolution with rings 1 and 2, and the API's
  // default (res 8, rings 1) on the parents of the truth cells, where every core cell must be found.
  it('finds every planted core cell in its fusion class at the default resolution (recall 1 on the core)', async () => {
    for (const planned of plan.incidents) {
      const truth = result.truth.incidents.find((incident) => incident.id === planned.incident.id)!;
      const { metric, category } = incidentPair(planned);
      const appealCells = new Set<string>();
      for (const sub of truth.categories) for (const row of await cells(stack, `layer=human&category=${sub}&${windowQuery(truth)}`)) appealCells.add(row.h3);
      const core9 = coreCells(plan, planned, metric, appealCells);
      for (const [res, rings] of [[9, 1], [9, 2], [8, 1]] as const) {
        const window = `${windowQuery(truth).replace('res=9', `res=${res}`)}&rings=${rings}`;
        // A category without a paired metric (heating) has no sensor to confirm it: its human hot spots are its blind spots.
        const predicted = metric
          ? new Set((await getCells<{ h3: string; class: string }>(stack, '/api/fusion', `metric=${metric}&category=${category}&${window}`)).filter((cell) => cell.class === truth.class).map((cell) => cell.h3))
          : new Set((await getCells<{ h3: string; class: string; confidence: number | null }>(stack, '/api/hotspots', `layer=human&category=${category}&${window}`)).filter((cell) => cell.class === 'hot' && (cell.confidence ?? 0) >= 95).map((cell) => cell.h3));
        const up = (list: readonly string[]) => [...new Set(list.map((cell) => (res === 9 ? cell : cellToParent(cell, res))))];
        const row: ScoreRow = { scenario: name, incident: truth.id, class: truth.class, pair: `${metric ?? '(none)'}/${category} res ${res} rings ${rings}`, ...scoreCells(predicted, up(truth.cells), up(core9)) };
        SCORES.push(row);
        console.log(`${name}/${truth.id}: ${JSON.stringify(row)}`);
        if (res === 8) expect(row.recallCore, `${name} at res 8: ${JSON.stringify(row)}`).toBe(1);
      }
      expect(core9.length).toBeGreaterThan(0);
    }
  });

  it('shows each incident on /api/cells above the background', async () => {
    for (const incident of result.truth.incidents) {
      for (const category of incident.categories) {
        const split = splitByIncident(await cells(stack, `layer=human&category=${category}&${windowQuery(incident)}`), incident.cells);
        console.log(`${name}/${incident.id} /api/cells human ${category}: inside ${split.insideCount} appeals in ${incident.cells.length} cells, outside ${split.outsideCount} in ${CITY_CELLS - incident.cells.length} cells`);
        // Per cell, the incident area gets far more of its category than the rest of the city.
        expect(split.insideCount).toBeGreaterThanOrEqual(5);
        expect(split.insideCount / incident.cells.length).toBeGreaterThan((10 * split.outsideCount) / (CITY_CELLS - incident.cells.length));
      }
      for (const metric of incident.metrics) {
        const split = splitByIncident(await cells(stack, `layer=physical&metric=${metric}&${windowQuery(incident)}`), incident.cells);
        console.log(`${name}/${incident.id} /api/cells physical ${metric}: inside ${split.insideCount} readings, mean ${split.insideMean?.toFixed(1) ?? '-'}; outside ${split.outsideCount} readings, mean ${split.outsideMean?.toFixed(1) ?? '-'}`);
        if (incident.class === 'blind_spot') {
          expect(split.insideCount).toBe(0);
          continue;
        }
        expect(split.insideCount).toBeGreaterThan(0);
        if (metric === 'streetlight_on') expect(split.insideMean!).toBeLessThan(split.outsideMean! / 2);
        else expect(split.insideMean!).toBeGreaterThan(split.outsideMean! * 1.3);
      }
    }
  });
});
