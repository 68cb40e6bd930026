import type { PlannedAppeal } from '../appeals/appeal-stream';
import type { FleetSlot } from '../fleet/fleet-messages';
import type { PlannedIncident } from './scenario-plan';

/** What a run produced during one incident's window, inside and outside its area. */
export interface IncidentCounts {
  readingsInside: number;
  readingsOutside: number;
  appealsInside: number;
  appealsOutside: number;
  /** Appeals the incident itself generated (its human effect). */
  incidentAppeals: number;
}

/** Counts readings and appeals per incident as they are sent. */
export class IncidentTally {
  readonly counts: Record<string, IncidentCounts>;

  constructor(private readonly incidents: readonly PlannedIncident[]) {
    this.counts = Object.fromEntries(incidents.map((planned) => [planned.incident.id, { readingsInside: 0, readingsOutside: 0, appealsInside: 0, appealsOutside: 0, incidentAppeals: 0 }]));
  }

  addSlot(slot: FleetSlot): void {
    const readings = slot.messages.reduce((sum, message) => sum + message.readings, 0);
    for (const planned of this.incidents) {
      if (slot.tsMs < planned.fromMs || slot.tsMs >= planned.toMs) continue;
      const counts = this.counts[planned.incident.id]!;
      if (planned.area.contains(slot.sensor.lng, slot.sensor.lat)) counts.readingsInside += readings;
      else counts.readingsOutside += readings;
    }
  }

  addAppeal(appeal: PlannedAppeal): void {
    for (const planned of this.incidents) {
      const counts = this.counts[planned.incident.id]!;
      if (appeal.origin === planned.incident.id) counts.incidentAppeals += 1;
      if (appeal.tsMs < planned.fromMs || appeal.tsMs >= planned.toMs) continue;
      if (planned.area.contains(appeal.body.lng, appeal.body.lat)) counts.appealsInside += 1;
      else counts.appealsOutside += 1;
    }
  }

  /** Wraps a slot source so every slot handed out is counted. */
  wrap<T extends { peekTsMs(): number; next(): FleetSlot }>(source: T): { peekTsMs(): number; next(): FleetSlot } {
    return {
      peekTsMs: () => source.peekTsMs(),
      next: () => {
        const slot = source.next();
        this.addSlot(slot);
        return slot;
      },
    };
  }
}
