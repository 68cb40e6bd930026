import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DEFAULT_TOPIC_PREFIX } from '@citytwin/shared';
import { ScenarioError, loadScenarioFile } from '../scenarios/scenario-file';
import { planScenario } from '../scenarios/scenario-plan';
import { runScenario } from '../scenarios/scenario-run';
import { formatScenarioSummary } from '../scenarios/scenario-summary';
import { UsageError, userPath, type CliIo } from './cli-io';
import { intFlag, parseFlags, speedFlag } from './parse-flags';
import { startProgressLine } from './progress-line';
import { stopOnInterrupt } from './stop-signal';

export const SIMULATE_SCENARIO_HELP = `Usage: pnpm twin simulate --scenario <file> [options]

Runs a scenario (JSON or YAML): a background fleet and appeals plus planted
incidents, over a simulated window that ends before now, accelerated. Writes
the ground truth (each incident's class, window and H3 cells) to a JSON file.

Options:
  --scenario <file>    the scenario file (see simulators/scenarios/)
  --speed <x>          simulated seconds per real second (default 60; max = as fast as possible)
  --truth <file>       where to write the ground truth (default <scenario name>.truth.json)
  --mqtt-url <url>     broker (default mqtt://127.0.0.1:1883)
  --topic-prefix <p>   first topic level (default citytwin)
  --api-url <url>      API base URL (default http://127.0.0.1:8080)
  --api-key <key>      operator or admin key (or env CITYTWIN_API_KEY)
  --no-workflow        only create appeals
  --seed <n>           override the scenario's seed

Examples:
  pnpm twin simulate --scenario simulators/scenarios/night-construction-noise.yaml --speed 60 --api-key dev-operator
  pnpm twin simulate --scenario simulators/scenarios/pm25-silent-risk.yaml --speed max --truth /tmp/pm25.truth.json
`;

const FLAGS = {
  scenario: { type: 'string' }, speed: { type: 'string' }, truth: { type: 'string' }, 'mqtt-url': { type: 'string' }, 'topic-prefix': { type: 'string' },
  'api-url': { type: 'string' }, 'api-key': { type: 'string' }, 'no-workflow': { type: 'boolean' }, seed: { type: 'string' },
} as const;

/** `twin simulate --scenario <file>`: returns the exit code. */
export async function runSimulateScenario(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) return io.stdout.write(SIMULATE_SCENARIO_HELP), 0;
  if (!values.scenario) throw new UsageError('--scenario <file> is required');
  const apiKey = values['api-key'] ?? process.env['CITYTWIN_API_KEY'];
  if (!apiKey) throw new UsageError('--api-key (or CITYTWIN_API_KEY) is required: a key with the operator or admin role');
  const speed = speedFlag(values.speed, 60);
  const seed = values.seed === undefined ? undefined : intFlag('seed', values.seed, 1, 0, 2 ** 31 - 1);
  let scenario;
  try {
    scenario = await loadScenarioFile(userPath(values.scenario));
  } catch (error) {
    if (error instanceof ScenarioError) throw new UsageError(error.message);
    throw error;
  }
  const plan = planScenario(scenario, Date.now(), seed);
  const truthPath = userPath(values.truth ?? `${basename(scenario.name)}.truth.json`);
  const hours = scenario.durationHours;
  io.stdout.write(`${scenario.name}: ${plan.sensors.length} sensors, ${new Date(plan.fromMs).toISOString()} .. ${new Date(plan.toMs).toISOString()} (${hours} h simulated, about ${speed === Infinity ? 'as fast as possible' : `${Math.ceil((hours * 3600) / speed)} s`})\n`);
  const stop = stopOnInterrupt();
  let progress: { stop(): void } | undefined;
  const result = await runScenario(plan, {
    mqttUrl: values['mqtt-url'] ?? 'mqtt://127.0.0.1:1883', topicPrefix: values['topic-prefix'] ?? DEFAULT_TOPIC_PREFIX,
    apiUrl: values['api-url'] ?? 'http://127.0.0.1:8080', apiKey, speed, workflow: !values['no-workflow'], signal: stop.signal,
    observe: ({ fleet, appeals }) => {
      progress = startProgressLine(io, () => ({ sent: fleet.sent + appeals.appeals + appeals.events, errors: fleet.errors + appeals.errors, readings: fleet.readings, appeals: appeals.appeals }));
    },
  });
  progress?.stop();
  stop.dispose();
  await writeFile(truthPath, `${JSON.stringify(result.truth, null, 2)}\n`);
  io.stdout.write(formatScenarioSummary(result));
  io.stdout.write(`ground truth: ${truthPath}\n`);
  return 0;
}
