import { UsageError, type CliIo } from './cli-io';
import { runImportAppeals } from './import-appeals-command';
import { runImportAreas } from './import-areas-command';
import { runReplayBeijingAir } from './replay-beijing-air-command';
import { runReplayNycRedHook } from './replay-nyc-redhook-command';
import { runSimulateAppeals } from './simulate-appeals-command';
import { runSimulateScenario } from './simulate-scenario-command';
import { runSimulateSensors } from './simulate-sensors-command';

export const TWIN_HELP = `Usage: pnpm twin <command> [options]   (each command has --help)

Commands:
  simulate sensors              a simulated sensor fleet over MQTT
  simulate appeals              simulated appeals (and their workflow) through the API
  simulate --scenario <file>    sensors + appeals with planted incidents, accelerated; writes the ground truth
  replay beijing-air <csv...>   replays UCI Beijing multi-site air-quality files over MQTT
  replay nyc-redhook            replays the Red Hook sensors and imports the matching 311 noise complaints
  import-appeals <file...>      imports recorded appeals (NYC 311 CSV or CityTwin JSON/CSV)
  import-areas <file>           loads a city's own area polygons (district, street or community level)

Examples:
  pnpm twin simulate sensors --sensors 2000 --rate 200/s
  pnpm twin simulate --scenario simulators/scenarios/night-construction-noise.yaml --speed 60
  pnpm twin replay beijing-air ../shared/data/beijing/air/PRSA_Data_Dongsi_20130301-20170228.csv --speed 3600
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

function pickCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const [first, second] = argv;
  if (first === 'simulate' && second === 'sensors') return { command: runSimulateSensors, rest: argv.slice(2) };
  if (first === 'simulate' && second === 'appeals') return { command: runSimulateAppeals, rest: argv.slice(2) };
  if (first === 'simulate' && (second === '--scenario' || second?.startsWith('--scenario='))) return { command: runSimulateScenario, rest: argv.slice(1) };
  if (first === 'replay' && second === 'beijing-air') return { command: runReplayBeijingAir, rest: argv.slice(2) };
  if (first === 'replay' && second === 'nyc-redhook') return { command: runReplayNycRedHook, rest: argv.slice(2) };
  if (first === 'import-appeals') return { command: runImportAppeals, rest: argv.slice(1) };
  if (first === 'import-areas') return { command: runImportAreas, rest: argv.slice(1) };
  return undefined;
}

/**
 * Routes `twin <command>` and maps failures to exit codes: 0 done, 1 failed,
 * 2 bad command line (one line on stderr).
 */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(TWIN_HELP);
    return argv.length === 0 ? 2 : 0;
  }
  try {
    const picked = pickCommand(argv);
    if (!picked) throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}" (try pnpm twin --help)`);
    return await picked.command(picked.rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`twin: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`twin: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
