import type { Rgba } from './palette';

/** The fusion classes `/api/fusion` gives each cell. */
export const FUSION_CLASSES = ['confirmed', 'blind_spot', 'silent_risk', 'none'] as const;
export type FusionClass = (typeof FUSION_CLASSES)[number];

/**
 * Okabe & Ito's colour-blind-safe set (Okabe & Ito 2008, "Color Universal
 * Design"): vermillion for a problem both signals see, sky blue for one only
 * residents see, yellow for one only sensors see; no class is faint grey.
 */
export const FUSION_COLOURS: Readonly<Record<FusionClass, Rgba>> = {
  confirmed: [213, 94, 0, 230],
  blind_spot: [86, 180, 233, 230],
  silent_risk: [240, 228, 66, 230],
  none: [120, 130, 150, 50],
};

/** Bluish green of Okabe-Ito, for the suggested sensor sites. */
export const PLACEMENT_COLOUR: Rgba = [0, 158, 115, 255];

export function fusionColour(fusionClass: string): Rgba {
  return FUSION_COLOURS[fusionClass as FusionClass] ?? FUSION_COLOURS.none;
}

export function cssColour([r, g, b, a]: Rgba): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
}
