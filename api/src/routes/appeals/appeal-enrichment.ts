import { cellAtLatLng, slaDeadlines, slaForCategory } from '@citytwin/shared';
import type { AdminAreaNames } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import { cityAdminAreaLocator } from '../../areas/admin-area-locator';

/** What the api derives for a new appeal: its cell, admin area and SLA deadlines. */
export interface AppealEnrichment {
  cell: string | null;
  area: AdminAreaNames;
  responseDueMs: number;
  resolutionDueMs: number;
}

/** Returns a function that enriches appeals for this app (boundary files load once). */
export async function appealEnricher(context: AppContext): Promise<(appeal: { category: string; lat: number | null; lng: number | null; receivedAtMs: number }) => AppealEnrichment> {
  const { config, logger } = context;
  const locator = await cityAdminAreaLocator(config.sharedDataDir, config.city, (path) =>
    logger.warn({ path }, 'boundary file missing: appeals get no admin area (set SHARED_DATA_DIR)'),
  );
  return (appeal) => {
    const located = appeal.lat !== null && appeal.lng !== null;
    const deadlines = slaDeadlines(appeal.receivedAtMs, slaForCategory(appeal.category, config.appealSla));
    return {
      cell: located ? cellAtLatLng({ lat: appeal.lat!, lng: appeal.lng! }, config.baseResolution) : null,
      area: located ? locator.locate(appeal.lat!, appeal.lng!) : { district: null, street: null, community: null },
      ...deadlines,
    };
  };
}
