import { describe, expect, it } from 'vitest';
import { LocalClock } from '../time/local-clock';
import { loadScenarioFile } from './scenario-file';
import { planScenario } from './scenario-plan';
import { scenarioWindow } from './scenario-window';

const SCENARIOS = new URL('../../scenarios/', import.meta.url);
const load = (name: string) => loadScenarioFile(new URL(`${name}.yaml`, SCENARIOS).pathname);
const now = Date.UTC(2026, 10, 28, 12, 40); // 20:40 in Beijing

describe('scenarioWindow', () => {
  it('starts at the local time on the latest day the window ends by now', () => {
    const { fromMs, toMs } = scenarioWindow('21:00', 10, now, 'Asia/Shanghai');
    expect(new Date(fromMs).toISOString()).toBe('2026-11-27T13:00:00.000Z');
    expect(toMs - fromMs).toBe(10 * 3_600_000);
    expect(scenarioWindow('06:00', 12, now, 'Asia/Shanghai').toMs).toBeLessThanOrEqual(now);
  });
});

describe('planScenario', () => {
  it('removes the sensors a blind spot lacks, and lists its cells', async () => {
    const plan = planScenario(await load('rainstorm-flooding-blind-spot'), now);
    const [flood] = plan.incidents;
    expect(plan.sensors.some((sensor) => sensor.kind === 'water' && flood!.area.contains(sensor.lng, sensor.lat))).toBe(false);
    expect(flood!.cells.length).toBeGreaterThan(5);
  });

  it('raises noise only inside the site and its window', async () => {
    const plan = planScenario(await load('night-construction-noise'), now);
    const [site] = plan.incidents;
    const inside = plan.sensors.find((sensor) => sensor.id.startsWith('scn-site-nongzhanguan'))!;
    const outside = plan.sensors.find((sensor) => sensor.kind === 'noise' && !site!.area.contains(sensor.lng, sensor.lat))!;
    expect(plan.effect(inside, 'noise_db', site!.fromMs + 1000, 40)).toBe(65);
    expect(plan.effect(inside, 'noise_db', site!.toMs, 40)).toBe(40);
    expect(plan.effect(outside, 'noise_db', site!.fromMs + 1000, 40)).toBe(40);
  });

  it('switches streetlights off at night only', async () => {
    const plan = planScenario(await load('streetlight-outage'), now);
    const [street] = plan.incidents;
    const lamp = plan.sensors.find((sensor) => sensor.id.startsWith('scn-changan-west'))!;
    const clock = new LocalClock('Asia/Shanghai');
    expect(clock.at(street!.fromMs).hour).toBe(18);
    expect(plan.effect(lamp, 'streetlight_on', street!.fromMs + 60_000, 1)).toBe(0);
  });

  it('sends incident appeals inside the incident area and window', async () => {
    const plan = planScenario(await load('heating-failure'), now);
    const [block] = plan.incidents;
    const incidentAppeals = [];
    while (plan.appeals.peekTsMs() < plan.toMs) {
      const appeal = plan.appeals.next();
      if (appeal.origin === 'block-haidian') incidentAppeals.push(appeal);
    }
    expect(incidentAppeals.length).toBeGreaterThan(50);
    expect(incidentAppeals.every((appeal) => block!.area.contains(appeal.body.lng, appeal.body.lat) && appeal.tsMs >= block!.fromMs && appeal.tsMs < block!.toMs)).toBe(true);
  });
});
