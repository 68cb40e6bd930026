import { slaForCategory } from '@citytwin/shared';
import type { SeededRandom } from '../random/seeded-random';

/** The body of `POST /api/appeals/:id/events`. */
export interface AppealEventBody {
  to: 'dispatched' | 'responded' | 'resolved' | 'unresolvable' | 'rated';
  at: string;
  note?: string;
  departments?: string[];
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
}

/** A workflow step due at `tsMs` for the appeal created from `localId`. */
export interface PlannedEvent {
  tsMs: number;
  appealId: string;
  body: AppealEventBody;
}

const HOUR_MS = 3_600_000;

/** Which departments an appeal's first-level category is dispatched to. */
const DEPARTMENTS: Readonly<Record<string, string[]>> = {
  noise: ['urban_management', 'ecology_environment'], air: ['ecology_environment'], flooding: ['water_authority'],
  streetlight: ['urban_management'], road: ['transport'], garbage: ['urban_management'], illegal_construction: ['urban_management', 'planning'],
  traffic: ['traffic_police'], heating: ['housing', 'heating_company'], water_supply: ['water_authority'], property: ['housing'],
  business: ['market_regulation'], public_service: ['human_resources'], social_risk: ['emergency_management'],
};

/** Share of appeals answered after the response deadline, and resolved after the resolution deadline. */
const LATE_RESPONSE_SHARE = 0.15;
const LATE_RESOLUTION_SHARE = 0.125;

/**
 * The workflow an appeal goes through after `receivedMs`, timed against its
 * category's SLA so the three rates come out realistic: dispatched early in
 * the response window, answered within it (15% late, up to 6x the window),
 * resolved within the resolution window (one in eight late, up to 2.5x), one
 * in twenty unresolvable, and the follow-up call rates three in four of the
 * resolved ones (70% satisfied, 20% basically satisfied, 10% dissatisfied).
 */
export function planWorkflow(appealId: string, category: string, receivedMs: number, random: SeededRandom): PlannedEvent[] {
  const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
  const sla = slaForCategory(category);
  const dispatched = receivedMs + random.between(0.05, 0.25) * sla.respondWithinMs;
  const respondedLate = random.next() < LATE_RESPONSE_SHARE;
  const responded = receivedMs + (respondedLate ? random.between(1.2, 6) : random.between(0.3, 0.95)) * sla.respondWithinMs;
  const resolvedLate = random.next() < LATE_RESOLUTION_SHARE;
  const closed = Math.max(responded + HOUR_MS, receivedMs + (resolvedLate ? random.between(1.1, 2.5) : random.between(0.15, 0.95)) * sla.resolveWithinMs);
  const top = category.split('.')[0] ?? 'other';
  const events: PlannedEvent[] = [
    { tsMs: dispatched, appealId, body: { to: 'dispatched', at: iso(dispatched), departments: DEPARTMENTS[top] ?? ['citizen_service'] } },
    { tsMs: responded, appealId, body: { to: 'responded', at: iso(responded), note: 'contacted the resident' } },
  ];
  if (random.next() < 0.05) return [...events, { tsMs: closed, appealId, body: { to: 'unresolvable', at: iso(closed), note: 'outside our remit' } }];
  events.push({ tsMs: closed, appealId, body: { to: 'resolved', at: iso(closed), note: resolvedLate ? 'resolved late' : 'resolved' } });
  if (random.next() < 0.75) {
    const draw = random.next();
    const rating = draw < 0.7 ? 'satisfied' : draw < 0.9 ? 'basically_satisfied' : 'dissatisfied';
    const rated = closed + random.between(2, 48) * HOUR_MS;
    events.push({ tsMs: rated, appealId, body: { to: 'rated', at: iso(rated), rating } });
  }
  return events;
}

/** A time-ordered queue of planned events (small: a binary-search insert is enough). */
export class EventQueue {
  private readonly items: PlannedEvent[] = [];

  add(events: readonly PlannedEvent[]): void {
    for (const event of events) {
      let low = 0;
      let high = this.items.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.items[mid]!.tsMs <= event.tsMs) low = mid + 1;
        else high = mid;
      }
      this.items.splice(low, 0, event);
    }
  }

  peekTsMs(): number {
    return this.items[0]?.tsMs ?? Infinity;
  }

  next(): PlannedEvent {
    const event = this.items.shift();
    if (!event) throw new RangeError('the event queue is empty');
    return event;
  }

  get size(): number {
    return this.items.length;
  }
}
