import { cellAtLatLng, slaDeadlines, slaForCategory } from '@citytwin/shared';
import type { AdminAreaNames } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';

/** What the api derives for a new appeal: its cell, admin area and SLA deadlines. */
export interface AppealEnrichment {
  cell: string | null;
  area: AdminAreaNames;
  responseDueMs: number;
  resolutionDueMs: number;
}

/** Returns a function that enriches appeals for this app, against the areas it has at the time (they reload after an import). */
export async function appealEnricher(context: AppContext): Promise<(appeal: { category: string; lat: number | null; lng: number | null; receivedAtMs: number }) => AppealEnrichment> {
  const { config } = context;
  return (appeal) => {
    const located = appeal.lat !== null && appeal.lng !== null;
    const deadlines = slaDeadlines(appeal.receivedAtMs, slaForCategory(appeal.category, config.appealSla));
    return {
      cell: located ? cellAtLatLng({ lat: appeal.lat!, lng: appeal.lng! }, config.baseResolution) : null,
      area: located ? context.areas.locator.locate(appeal.lat!, appeal.lng!) : { district: null, street: null, community: null },
      ...deadlines,
    };
  };
}
