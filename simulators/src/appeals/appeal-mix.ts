import type { LocalTime } from '../time/local-clock';

/**
 * Relative appeal volume by local hour (index 0..23): hotlines are quiet at
 * night, busiest mid-morning and early afternoon, with an evening shoulder.
 */
const HOURLY_SHAPE = [0.15, 0.1, 0.08, 0.07, 0.08, 0.15, 0.4, 0.8, 1.3, 1.6, 1.7, 1.5, 1.2, 1.3, 1.5, 1.5, 1.4, 1.3, 1.2, 1.2, 1.1, 0.9, 0.6, 0.3];
const SHAPE_MEAN = HOURLY_SHAPE.reduce((sum, value) => sum + value, 0) / 24;

/** The hourly factor (mean 1 over a day) for a fractional local hour. */
export function hourlyAppealFactor(hour: number): number {
  return (HOURLY_SHAPE[Math.floor(hour) % 24] ?? 1) / SHAPE_MEAN;
}

/** Highest value `hourlyAppealFactor` takes (for thinning a Poisson process). */
export const MAX_HOURLY_APPEAL_FACTOR = Math.max(...HOURLY_SHAPE) / SHAPE_MEAN;

/** True in the northern heating season (15 November to 15 March in Beijing). */
export function isHeatingSeason(local: LocalTime): boolean {
  return local.month >= 11 || local.month <= 3;
}

/**
 * Category weights at a local time, second-level codes (shares loosely follow
 * published 12345 annual reports: housing/property, noise and roads lead;
 * heating appeals appear in the heating season and peak on winter evenings).
 */
export function categoryWeights(local: LocalTime): ReadonlyArray<readonly [string, number]> {
  const night = local.hour >= 22 || local.hour < 6;
  const heating = isHeatingSeason(local) ? (local.hour >= 17 && local.hour < 23 ? 0.25 : 0.1) : 0;
  return [
    ['noise.construction', night ? 0.12 : 0.05], ['noise.commercial', night ? 0.08 : 0.03], ['noise.residential', night ? 0.08 : 0.04],
    ['property.service', 0.12], ['property.elevator', 0.04], ['road.pothole', 0.05], ['road.sidewalk', 0.03],
    ['garbage.uncollected', 0.05], ['garbage.dumping', 0.03], ['traffic.parking', 0.07], ['traffic.signal', 0.01],
    ['streetlight.out', 0.02], ['flooding.sewer', 0.02], ['water_supply.outage', 0.03], ['water_supply.leak', 0.02],
    ['air.dust', 0.02], ['air.odor', 0.02], ['illegal_construction.occupation', 0.04], ['business.consumer', 0.06],
    ['public_service.social_security', 0.06], ['public_service.education', 0.03], ['social_risk.wage_arrears', 0.02],
    ['heating.no_heat', heating * 0.6], ['heating.low_temperature', heating * 0.4], ['other', 0.03],
  ];
}

/** Draws one code from weights with a uniform draw in [0, 1). */
export function pickWeighted(weights: ReadonlyArray<readonly [string, number]>, draw: number): string {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let left = draw * total;
  for (const [code, weight] of weights) {
    left -= weight;
    if (left < 0) return code;
  }
  return weights[weights.length - 1]![0];
}
