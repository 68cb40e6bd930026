import { BASE_RESOLUTION, CITY_PROFILES, type CityProfile, type MetricCode } from '@citytwin/shared';
import { AppealStream, MergedSource, type PlannedAppeal } from '../appeals/appeal-stream';
import { bboxArea, cellsOfArea, circleArea, polygonArea, type Area } from '../geo/area';
import { layOutFleetInArea, type SimulatedSensor } from '../fleet/fleet-layout';
import type { ValueEffect } from '../fleet/sample-values';
import { SeededRandom } from '../random/seeded-random';
import { LocalClock } from '../time/local-clock';
import type { PhysicalEffect, Scenario, ScenarioArea, ScenarioIncident } from './scenario-schema';
import { scenarioWindow } from './scenario-window';

const HOUR_MS = 3_600_000;

/** An incident resolved to instants, an area and its H3 cells. */
export interface PlannedIncident {
  incident: ScenarioIncident;
  area: Area;
  fromMs: number;
  toMs: number;
  cells: string[];
}

/** Everything a scenario run needs, computed once. */
export interface ScenarioPlan {
  scenario: Scenario;
  city: CityProfile;
  seed: number;
  fromMs: number;
  toMs: number;
  sensors: SimulatedSensor[];
  periodMs: number;
  incidents: PlannedIncident[];
  effect: ValueEffect;
  appeals: { peekTsMs(): number; next(): PlannedAppeal };
}

/** The area an incident names. */
export function areaOf(area: ScenarioArea): Area {
  return 'centre' in area ? circleArea(area.centre, area.radiusM) : polygonArea([area.polygon]);
}

function isInHours(hour: number, [from, to]: readonly [number, number]): boolean {
  return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
}

/** A ValueEffect applying each incident's physical effects inside its area and window. */
export function incidentEffect(incidents: readonly PlannedIncident[], clock: LocalClock): ValueEffect {
  const byMetric = new Map<MetricCode, Array<{ planned: PlannedIncident; effect: PhysicalEffect }>>();
  for (const planned of incidents) {
    for (const effect of planned.incident.physical ?? []) byMetric.set(effect.metric, [...(byMetric.get(effect.metric) ?? []), { planned, effect }]);
  }
  return (sensor, metric, tsMs, value) => {
    let result = value;
    for (const { planned, effect } of byMetric.get(metric) ?? []) {
      if (tsMs < planned.fromMs || tsMs >= planned.toMs || !planned.area.contains(sensor.lng, sensor.lat)) continue;
      if (effect.localHours && !isInHours(clock.at(tsMs).hour, effect.localHours)) continue;
      result = result * (effect.multiplier ?? 1) + (effect.delta ?? 0);
    }
    return result;
  };
}

function layOutSensors(scenario: Scenario, city: CityProfile, incidents: readonly PlannedIncident[], random: SeededRandom): SimulatedSensor[] {
  const background = layOutFleetInArea(scenario.background.sensors, bboxArea(city.simulationBounds), random, 'scn').filter(
    (sensor) => !incidents.some((planned) => planned.incident.sensors?.remove?.includes(sensor.kind) && planned.area.contains(sensor.lng, sensor.lat)),
  );
  const added = incidents.flatMap((planned) =>
    (planned.incident.sensors?.add ?? []).flatMap((add) => layOutFleetInArea(add.count, planned.area, random, `scn-${planned.incident.id}`, add.kind)),
  );
  return [...background, ...added];
}

/** An appeal source that stops at `toMs`. */
function until(stream: AppealStream, toMs: number) {
  return { peekTsMs: () => (stream.peekTsMs() < toMs ? stream.peekTsMs() : Infinity), next: () => stream.next() };
}

/** Resolves a scenario against a moment: window, incidents, fleet, effects and appeal streams. */
export function planScenario(scenario: Scenario, nowMs: number, seedOverride?: number): ScenarioPlan {
  const city = CITY_PROFILES[scenario.city];
  const seed = seedOverride ?? scenario.seed ?? 1;
  const { fromMs, toMs } = scenarioWindow(scenario.start, scenario.durationHours, nowMs, city.timeZone);
  const incidents = scenario.incidents.map((incident) => {
    const area = areaOf(incident.area);
    return { incident, area, fromMs: fromMs + incident.window.fromHour * HOUR_MS, toMs: fromMs + incident.window.toHour * HOUR_MS, cells: cellsOfArea(area, BASE_RESOLUTION) };
  });
  const sensors = layOutSensors(scenario, city, incidents, new SeededRandom(seed));
  const language = city.code === 'beijing' ? 'zh' : 'en';
  const background = new AppealStream({ seed: seed + 1, timeZone: city.timeZone, startMs: fromMs, perHour: scenario.background.appealsPerHour, area: bboxArea(city.simulationBounds), language, origin: 'background' });
  const incidentStreams = incidents.flatMap((planned, index) =>
    (planned.incident.human ?? []).map((effect, effectIndex) =>
      until(new AppealStream({ seed: seed + 100 * (index + 1) + effectIndex, timeZone: city.timeZone, startMs: planned.fromMs, perHour: effect.perHour, area: planned.area, category: effect.category, hourly: false, language, origin: planned.incident.id, hotspots: 0 }), planned.toMs),
    ),
  );
  return {
    scenario, city, seed, fromMs, toMs, sensors, incidents,
    periodMs: scenario.background.intervalMinutes * 60_000,
    effect: incidentEffect(incidents, new LocalClock(city.timeZone)),
    appeals: new MergedSource([background, ...incidentStreams]),
  };
}
