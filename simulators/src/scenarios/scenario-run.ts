import { runAppeals } from '../appeals/appeal-runner';
import { AppealsClient } from '../appeals/appeals-client';
import { FleetMessageSource, metaMessages } from '../fleet/fleet-messages';
import { connectPublisher } from '../mqtt/connect-publisher';
import { FleetPublisher, type PublishStats } from '../mqtt/fleet-publisher';
import { Pacer } from '../time/pacer';
import { groundTruthOf, type GroundTruth } from './ground-truth';
import { IncidentTally, type IncidentCounts } from './incident-tally';
import type { ScenarioPlan } from './scenario-plan';

export interface ScenarioRunOptions {
  mqttUrl: string;
  topicPrefix: string;
  apiUrl: string;
  /** Operator or admin key for the appeals API. */
  apiKey: string;
  /** Simulated seconds per real second; Infinity = as fast as the stack accepts. */
  speed: number;
  /** Move appeals through their workflow (default true). */
  workflow?: boolean;
  qos?: 0 | 1;
  signal?: AbortSignal;
  /** Handed the live counters once the run starts (for a progress line). */
  observe?: (live: { fleet: PublishStats; appeals: AppealsClient['stats'] }) => void;
}

export interface ScenarioRunResult {
  truth: GroundTruth;
  fleet: PublishStats;
  appeals: AppealsClient['stats'];
  incidents: Record<string, IncidentCounts>;
  sensors: number;
}

/**
 * Runs a planned scenario: announces the fleet, then publishes readings and
 * posts appeals (and their workflow) over the simulated window, both paced by
 * one clock. Resolves when both are done or the signal aborts.
 */
export async function runScenario(plan: ScenarioPlan, options: ScenarioRunOptions): Promise<ScenarioRunResult> {
  const client = await connectPublisher(options.mqttUrl, `scenario-${plan.scenario.name}`);
  const qos = options.qos ?? 1;
  const publisher = new FleetPublisher(client, qos);
  const appeals = new AppealsClient(options.apiUrl, options.apiKey, options.signal ? { signal: options.signal } : {});
  const tally = new IncidentTally(plan.incidents);
  try {
    for (const message of metaMessages(plan.sensors, plan.periodMs, options.topicPrefix)) publisher.publish(message);
    await publisher.settle(true, options.signal);
    const metaSent = publisher.stats.sent;
    options.observe?.({ fleet: publisher.stats, appeals: appeals.stats });
    const source = new FleetMessageSource({ sensors: plan.sensors, seed: plan.seed, timeZone: plan.city.timeZone, periodMs: plan.periodMs, startMs: plan.fromMs, format: 'native', pack: 1, topicPrefix: options.topicPrefix, effect: plan.effect });
    const pacer = new Pacer(plan.fromMs, options.speed);
    const common = { endMs: plan.toMs - 1, signal: options.signal };
    await Promise.all([
      publisher.run(tally.wrap(source), pacer, { ...common, qos }).then(() => publisher.settle(true)),
      runAppeals(plan.appeals, appeals, pacer, { ...common, workflow: options.workflow ?? true, open311: false, seed: plan.seed, onCreated: (appeal) => tally.addAppeal(appeal) }),
    ]);
    return { truth: groundTruthOf(plan), fleet: { ...publisher.stats, sent: publisher.stats.sent - metaSent }, appeals: { ...appeals.stats }, incidents: tally.counts, sensors: plan.sensors.length };
  } finally {
    await client.endAsync();
  }
}
