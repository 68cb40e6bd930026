import type { ScenarioRunResult } from './scenario-run';

/** One line per incident: what the run produced inside vs outside its area during its window. */
export function formatScenarioSummary(result: ScenarioRunResult): string {
  const lines = [`${result.truth.scenario}: ${result.sensors} sensors, ${result.fleet.readings} readings, ${result.appeals.appeals} appeals, ${result.appeals.events} workflow events (${result.appeals.eventsNotFound} refused with 404), ${result.fleet.errors + result.appeals.errors} errors`];
  for (const incident of result.truth.incidents) {
    const counts = result.incidents[incident.id]!;
    lines.push(`  ${incident.id} (${incident.class}, ${incident.cells.length} cells): readings inside ${counts.readingsInside} / outside ${counts.readingsOutside}; appeals inside ${counts.appealsInside} / outside ${counts.appealsOutside} (${counts.incidentAppeals} from the incident)`);
  }
  return `${lines.join('\n')}\n`;
}
