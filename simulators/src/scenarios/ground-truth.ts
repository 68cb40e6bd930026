import { BASE_RESOLUTION } from '@citytwin/shared';
import type { ScenarioPlan } from './scenario-plan';

/** What a scenario planted, for scoring hotspot detection against it. */
export interface GroundTruth {
  scenario: string;
  city: string;
  seed: number;
  resolution: number;
  from: string;
  to: string;
  incidents: Array<{
    id: string;
    class: 'confirmed' | 'blind_spot' | 'silent_risk';
    from: string;
    to: string;
    /** H3 cells (lower-case hex) at `resolution` overlapping the incident area. */
    cells: string[];
    metrics: string[];
    categories: string[];
  }>;
}

/** The ground truth of a planned scenario: each incident's class, window and cells. */
export function groundTruthOf(plan: ScenarioPlan): GroundTruth {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    scenario: plan.scenario.name,
    city: plan.city.code,
    seed: plan.seed,
    resolution: BASE_RESOLUTION,
    from: iso(plan.fromMs),
    to: iso(plan.toMs),
    incidents: plan.incidents.map((planned) => ({
      id: planned.incident.id,
      class: planned.incident.class,
      from: iso(planned.fromMs),
      to: iso(planned.toMs),
      cells: planned.cells,
      metrics: (planned.incident.physical ?? []).map((effect) => effect.metric),
      categories: (planned.incident.human ?? []).map((effect) => effect.category),
    })),
  };
}
