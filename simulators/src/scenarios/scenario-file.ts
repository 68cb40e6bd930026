import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Value } from 'typebox/value';
import { parse as parseYaml } from 'yaml';
import { findAppealCategory } from '@citytwin/shared';
import { Scenario } from './scenario-schema';

/** A scenario file that cannot be used; the message names the file and the field. */
export class ScenarioError extends Error {}

/** Checks what the schema cannot: known categories, windows inside the run, unique ids, an effect per incident. */
function checkSemantics(scenario: Scenario): string | undefined {
  const ids = new Set<string>();
  for (const [index, incident] of scenario.incidents.entries()) {
    const at = `/incidents/${index}`;
    if (ids.has(incident.id)) return `${at}/id: "${incident.id}" is used twice`;
    ids.add(incident.id);
    if (incident.window.toHour <= incident.window.fromHour) return `${at}/window: toHour must be after fromHour`;
    if (incident.window.toHour > scenario.durationHours) return `${at}/window: toHour ${incident.window.toHour} is after the scenario's end (${scenario.durationHours} h)`;
    for (const [effectIndex, effect] of (incident.human ?? []).entries()) {
      if (!findAppealCategory(effect.category)) return `${at}/human/${effectIndex}/category: "${effect.category}" is not an appeal category code`;
    }
    if (!incident.physical?.length && !incident.human?.length) return `${at}: an incident needs a physical or a human effect`;
    for (const [effectIndex, effect] of (incident.physical ?? []).entries()) {
      if (effect.delta === undefined && effect.multiplier === undefined) return `${at}/physical/${effectIndex}: give a delta or a multiplier`;
    }
  }
  return undefined;
}

/**
 * Validates a parsed scenario document.
 *
 * @throws ScenarioError naming the first bad field, e.g. `night.yaml: /incidents/0/area: ...`
 */
export function validateScenario(document: unknown, source = 'scenario'): Scenario {
  if (!Value.Check(Scenario, document)) {
    const errors = [...Value.Errors(Scenario, document)];
    // The deepest error is the most specific one (a union reports at its own path first).
    const error = errors.sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
    const message = error?.keyword === 'boolean' ? 'is not a known field' : (error?.message ?? 'does not match the scenario schema');
    throw new ScenarioError(`${source}: ${error?.instancePath || '/'}: ${message}`);
  }
  const problem = checkSemantics(document);
  if (problem) throw new ScenarioError(`${source}: ${problem}`);
  return document;
}

/** Reads a scenario from a JSON or YAML file (by extension) and validates it. */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let document: unknown;
  try {
    document = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ScenarioError(`${path}: not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }
  return validateScenario(document, path);
}
