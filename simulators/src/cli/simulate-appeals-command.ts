import { CITY_PROFILES } from '@citytwin/shared';
import { runAppeals } from '../appeals/appeal-runner';
import { AppealStream } from '../appeals/appeal-stream';
import { AppealsClient } from '../appeals/appeals-client';
import { bboxArea } from '../geo/area';
import { Pacer } from '../time/pacer';
import { UsageError, type CliIo } from './cli-io';
import { cityFlag, durationFlag, intFlag, parseFlags, rateFlag, speedFlag } from './parse-flags';
import { startProgressLine } from './progress-line';
import { stopOnInterrupt } from './stop-signal';

export const SIMULATE_APPEALS_HELP = `Usage: pnpm twin simulate appeals [options]

Sends simulated citizen appeals to the CityTwin API with the hotline's hourly
shape and category mix (heating appeals on winter evenings), short Chinese or
English texts, then moves each through the workflow: dispatched, responded,
resolved (some overdue) or unresolvable, and rated on a follow-up call.

Options:
  --api-url <url>     API base URL (default http://127.0.0.1:8080)
  --api-key <key>     a key with the operator or admin role (or env CITYTWIN_API_KEY)
  --rate <r>          mean appeals over a day: 60/h, 2/min (default 120/h)
  --city <code>       beijing | nyc (default beijing; texts in Chinese / English)
  --open311           create appeals through POST /open311/v2/requests.json
  --no-workflow       only create appeals
  --speed <x>         replay the last --window accelerated x times (default 1 = live)
  --window <d>        with --speed: simulated span ending now (default 1d)
  --duration <d>      live mode: stop after this long (default until Ctrl-C)
  --seed <n>          deterministic appeals (default 1)
  --concurrency <n>   requests in flight (default 4)

Examples:
  pnpm twin simulate appeals --api-key dev-operator --rate 300/h
  pnpm twin simulate appeals --api-key dev-operator --speed 1440 --window 7d
  pnpm twin simulate appeals --api-key dev-operator --open311 --city nyc

The workflow events need an operator or admin key; with an open311-role key add --no-workflow.
`;

const FLAGS = {
  'api-url': { type: 'string' }, 'api-key': { type: 'string' }, rate: { type: 'string' }, city: { type: 'string' }, open311: { type: 'boolean' },
  'no-workflow': { type: 'boolean' }, speed: { type: 'string' }, window: { type: 'string' }, duration: { type: 'string' }, seed: { type: 'string' }, concurrency: { type: 'string' },
} as const;

/** `twin simulate appeals`: returns the exit code. */
export async function runSimulateAppeals(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) return io.stdout.write(SIMULATE_APPEALS_HELP), 0;
  const apiKey = values['api-key'] ?? process.env['CITYTWIN_API_KEY'];
  if (!apiKey) throw new UsageError('--api-key (or CITYTWIN_API_KEY) is required: a key with the operator or admin role');
  const city = cityFlag(values.city, CITY_PROFILES.beijing);
  const perHour = values.rate ? rateFlag(values.rate) * 3600 : 120;
  const speed = speedFlag(values.speed, 1);
  const windowMs = durationFlag('window', values.window) ?? 86_400_000;
  const durationMs = durationFlag('duration', values.duration);
  const seed = intFlag('seed', values.seed, 1, 0, 2 ** 31 - 1);
  const concurrency = intFlag('concurrency', values.concurrency, 4, 1, 64);
  const now = Date.now();
  const simStartMs = speed === 1 ? now : now - windowMs;
  const endMs = speed === 1 ? (durationMs === undefined ? Infinity : now + durationMs) : now;
  const source = new AppealStream({ seed, timeZone: city.timeZone, startMs: simStartMs, perHour, area: bboxArea(city.simulationBounds), language: city.code === 'beijing' ? 'zh' : 'en', origin: 'background' });
  const client = new AppealsClient(values['api-url'] ?? 'http://127.0.0.1:8080', apiKey);
  const stop = stopOnInterrupt();
  const progress = startProgressLine(io, () => ({ sent: client.stats.appeals + client.stats.events, errors: client.stats.errors, appeals: client.stats.appeals }));
  io.stdout.write(`sending ${Math.round(perHour)} appeals/h (${city.nameEn}${speed === 1 ? ', live' : `, last ${values.window ?? '1d'} at ${speed}x`})\n`);
  await runAppeals(source, client, new Pacer(simStartMs, speed), { endMs, workflow: !values['no-workflow'], open311: values.open311 ?? false, seed, concurrency, signal: stop.signal });
  progress.stop();
  stop.dispose();
  const { appeals, events, errors, eventsNotFound, lastError } = client.stats;
  io.stdout.write(`totals: ${appeals} appeals, ${events} workflow events, ${eventsNotFound} events refused with 404, ${errors} errors${lastError ? ` (last: ${lastError.slice(0, 200)})` : ''}\n`);
  return errors > 0 && appeals === 0 ? 1 : 0;
}
