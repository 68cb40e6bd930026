import type { PhysicalColouring } from '../layers/physical-colour';

/** The share of the span the domain may drift before the wall re-colours every cell. */
export const DOMAIN_DRIFT_SHARE = 0.1;

/** The scale and metric of a colouring key (`data:noise_db:40:80` -> `data:noise_db`). */
const scaleOf = (colouring: PhysicalColouring) => colouring.key.split(':').slice(0, 2).join(':');

/**
 * The colouring to draw with: the previous one while the data's domain stays
 * within {@link DOMAIN_DRIFT_SHARE} of its span at either end, else the new
 * one. On a live wall every delta nudges the 2nd-98th percentiles; following
 * each nudge would shift every cell's colour every second, so that a cell
 * whose value did not move would still seem to flicker.
 * @example stickyColouring(domain 40..80, domain 41..79) // the 40..80 colouring
 */
export function stickyColouring(previous: PhysicalColouring | undefined, next: PhysicalColouring): PhysicalColouring {
  if (!previous?.domain || !next.domain || scaleOf(previous) !== scaleOf(next)) return next;
  const [low, high] = previous.domain;
  const slack = (high - low) * DOMAIN_DRIFT_SHARE;
  return Math.abs(next.domain[0] - low) <= slack && Math.abs(next.domain[1] - high) <= slack ? previous : next;
}
