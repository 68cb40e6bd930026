import { BASE_RESOLUTION, type CityProfile } from '@citytwin/shared';
import { runAppeals } from '../appeals/appeal-runner';
import { AppealStream, MergedSource } from '../appeals/appeal-stream';
import { AppealsClient } from '../appeals/appeals-client';
import { FleetMessageSource, metaMessages } from '../fleet/fleet-messages';
import { layOutFleetInArea, type SimulatedSensor } from '../fleet/fleet-layout';
import { bboxArea, cellsOfArea, circleArea, type Area } from '../geo/area';
import { connectPublisher } from '../mqtt/connect-publisher';
import { FleetPublisher } from '../mqtt/fleet-publisher';
import { SeededRandom } from '../random/seeded-random';
import { incidentEffect, type PlannedIncident } from '../scenarios/scenario-plan';
import { LocalClock } from '../time/local-clock';
import { Pacer } from '../time/pacer';

export interface LiveSimulationOptions {
  mqttUrl: string;
  topicPrefix: string;
  /** Base URL of the API, e.g. http://127.0.0.1:8080 */
  apiUrl: string;
  /** A key with the operator or admin role. */
  apiKey: string;
  city: CityProfile;
  sensors: number;
  /** Each sensor reports once per interval. */
  intervalMs: number;
  appealsPerHour: number;
  seed: number;
  clock?: () => number;
}

export interface LiveSimulation {
  /** The planted incident: a night-and-day construction site heard by sensors and reported by residents. */
  incident: { centre: readonly [lng: number, lat: number]; radiusM: number; cells: string[] };
  stats(): { readings: number; appeals: number; events: number; errors: number; lastError: string | null };
  stop(): Promise<void>;
}

/** Enough for the site to pass the anonymous 3-appeal threshold within a minute or two. */
const DEMO_SITE_APPEALS_PER_HOUR = 360;

/** Where the demo's construction site stands: a little north-east of the city centre. */
function demoSiteCentre(city: CityProfile): readonly [number, number] {
  return [Number((city.centre[0] + 0.02).toFixed(4)), Number((city.centre[1] + 0.01).toFixed(4))];
}

/** The demo's sensors (the same for a seed: the backfilled history and the live fleet share them) and its construction site. */
export function demoFleet(city: CityProfile, sensorCount: number, seed: number): { sensors: SimulatedSensor[]; siteCentre: readonly [number, number]; siteArea: Area } {
  const random = new SeededRandom(seed);
  const siteCentre = demoSiteCentre(city);
  const siteArea = circleArea(siteCentre, 300);
  const sensors = [...layOutFleetInArea(sensorCount, bboxArea(city.simulationBounds), random, 'sim'), ...layOutFleetInArea(3, siteArea, random, 'sim-site', 'noise')];
  return { sensors, siteCentre, siteArea };
}

/**
 * The all-in-one's live demo: a fleet reporting with daily and weekly
 * patterns, appeals with the hotline's hourly shape moving through their
 * workflow, and one planted confirmed incident (construction noise, +20 dB,
 * and noise.construction appeals) so both layers show a hotspot within a minute.
 */
export async function startLiveSimulation(options: LiveSimulationOptions): Promise<LiveSimulation> {
  const now = options.clock ?? Date.now;
  const startMs = now();
  const { sensors, siteCentre: centre, siteArea: area } = demoFleet(options.city, options.sensors, options.seed);
  const planned: PlannedIncident = {
    incident: { id: 'demo-site', class: 'confirmed', area: { centre: [centre[0], centre[1]], radiusM: 300 }, window: { fromHour: 0, toHour: 1e6 }, physical: [{ metric: 'noise_db', delta: 20 }], human: [{ category: 'noise.construction', perHour: DEMO_SITE_APPEALS_PER_HOUR }] },
    area, fromMs: startMs, toMs: Infinity, cells: cellsOfArea(area, BASE_RESOLUTION),
  };
  const client = await connectPublisher(options.mqttUrl, 'live-fleet');
  const publisher = new FleetPublisher(client, 0);
  for (const message of metaMessages(sensors, options.intervalMs, options.topicPrefix)) publisher.publish(message);
  const controller = new AbortController();
  const effect = incidentEffect([planned], new LocalClock(options.city.timeZone));
  const source = new FleetMessageSource({ sensors, seed: options.seed, timeZone: options.city.timeZone, periodMs: options.intervalMs, startMs, format: 'native', pack: 1, topicPrefix: options.topicPrefix, effect });
  const pacer = new Pacer(startMs, 1, now);
  const fleetDone = publisher.run(source, pacer, { qos: 0, endMs: Infinity, signal: controller.signal });
  const language = options.city.code === 'beijing' ? 'zh' : 'en';
  const appealSource = new MergedSource([
    new AppealStream({ seed: options.seed + 1, timeZone: options.city.timeZone, startMs, perHour: options.appealsPerHour, area: bboxArea(options.city.simulationBounds), language, origin: 'background', hourly: false }),
    new AppealStream({ seed: options.seed + 2, timeZone: options.city.timeZone, startMs, perHour: DEMO_SITE_APPEALS_PER_HOUR, area, category: 'noise.construction', hourly: false, language, origin: 'demo-site', hotspots: 0 }),
  ]);
  const appeals = new AppealsClient(options.apiUrl, options.apiKey);
  const appealsDone = runAppeals(appealSource, appeals, pacer, { endMs: Infinity, workflow: true, open311: false, seed: options.seed, signal: controller.signal });
  return {
    incident: { centre, radiusM: 300, cells: planned.cells },
    stats: () => ({ readings: publisher.stats.readings, appeals: appeals.stats.appeals, events: appeals.stats.events, errors: publisher.stats.errors + appeals.stats.errors, lastError: appeals.stats.lastError ?? publisher.stats.lastError }),
    async stop() {
      controller.abort();
      await Promise.all([fleetDone, appealsDone]);
      await client.endAsync();
    },
  };
}
