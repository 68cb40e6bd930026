import { findAppealCategory } from '@citytwin/shared';
import type { StoredAppeal } from '@citytwin/store';

const CLOSED = new Set(['resolved', 'unresolvable', 'rated', 'closed', 'duplicate']);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** GeoReport `open`/`closed` of a workflow status. */
export function open311Status(status: string): 'open' | 'closed' {
  return CLOSED.has(status) ? 'closed' : 'open';
}

/** The statuses behind a GeoReport `status` filter value. */
export function statusesOfOpen311(status: 'open' | 'closed'): string[] {
  const all = ['received', 'dispatched', 'responded', 'resolved', 'unresolvable', 'rated', 'closed', 'reopened', 'duplicate'];
  return all.filter((code) => open311Status(code) === status);
}

function notesOf(appeal: StoredAppeal): string | null {
  if (appeal.status === 'duplicate') return `duplicate of ${appeal.duplicateOf}`;
  if (appeal.outcome) return appeal.outcome;
  return appeal.status;
}

/**
 * One service request with the spec's field names. `public` (anonymous
 * callers) leaves out free text and location: anonymous callers see no text
 * and no point finer than an aggregate cell, which a single request cannot give.
 */
export function toOpen311Request(appeal: StoredAppeal, audience: 'public' | 'client') {
  const full = audience === 'client';
  return {
    service_request_id: appeal.id,
    status: open311Status(appeal.status),
    status_notes: notesOf(appeal),
    service_name: findAppealCategory(appeal.category)?.nameEn ?? appeal.category,
    service_code: appeal.category,
    description: full ? appeal.description : null,
    agency_responsible: appeal.departments.length > 0 ? appeal.departments.join(', ') : null,
    service_notice: null,
    requested_datetime: iso(appeal.receivedAtMs),
    updated_datetime: iso(appeal.updatedAtMs),
    expected_datetime: iso(appeal.resolutionDueMs),
    address: full ? appeal.address : null,
    address_id: null,
    zipcode: null,
    lat: full ? appeal.lat : null,
    long: full ? appeal.lng : null,
    media_url: null,
  };
}
