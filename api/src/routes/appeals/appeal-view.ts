import { overdueFlags, type AppealContact } from '@citytwin/shared';
import type { AppealEventRow, StoredAppeal } from '@citytwin/store';
import type { Caller } from '../../auth/roles';
import type { AppealView } from './appeal-view-schema';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Only these roles ever see a resident's personal data. */
export function maySeeContact(caller: Caller): boolean {
  return caller === 'admin' || caller === 'operator';
}

/**
 * An appeal for the API. Personal data is added only when given, and callers
 * pass it only for {@link maySeeContact} roles.
 */
export function toAppealView(appeal: StoredAppeal, nowMs: number, extra: { contact?: AppealContact; events?: AppealEventRow[] } = {}): AppealView {
  const overdue = overdueFlags(appeal, nowMs);
  return {
    id: appeal.id, externalId: appeal.externalId, status: appeal.status, category: appeal.category, channel: appeal.channel,
    description: appeal.description, lat: appeal.lat, lng: appeal.lng, cell: appeal.cell, address: appeal.address,
    district: appeal.district, street: appeal.street, community: appeal.community, departments: appeal.departments,
    duplicateOf: appeal.duplicateOf, rating: appeal.rating, outcome: appeal.outcome, reopenCount: appeal.reopenCount,
    receivedAt: iso(appeal.receivedAtMs)!, updatedAt: iso(appeal.updatedAtMs)!, responseDue: iso(appeal.responseDueMs),
    resolutionDue: iso(appeal.resolutionDueMs), dispatchedAt: iso(appeal.dispatchedAtMs), respondedAt: iso(appeal.respondedAtMs),
    outcomeAt: iso(appeal.outcomeAtMs), ratedAt: iso(appeal.ratedAtMs), closedAt: iso(appeal.closedAtMs),
    overdue: { response: overdue.responseOverdue, resolution: overdue.resolutionOverdue },
    ...(extra.contact ? { contact: extra.contact } : {}),
    ...(extra.events ? { events: extra.events.map(({ ts, ...event }) => ({ at: ts, ...event })) } : {}),
  };
}
