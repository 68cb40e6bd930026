/** An RGB colour, channels 0..255. */
export type Rgb = readonly [r: number, g: number, b: number];
/** An RGBA colour as deck.gl takes it, channels 0..255. */
export type Rgba = [r: number, g: number, b: number, a: number];

/** Physical layer, from good to bad (ColorBrewer RdYlGn, reversed). */
export const SEVERITY_PALETTE: readonly Rgb[] = [
  [26, 152, 80],
  [145, 207, 96],
  [254, 224, 139],
  [252, 141, 89],
  [215, 48, 39],
];

/** Human layer, from few to many appeals: cool hues that never meet the physical palette. */
export const APPEALS_PALETTE: readonly Rgb[] = [
  [120, 230, 255],
  [80, 160, 255],
  [150, 110, 255],
  [225, 120, 255],
];

/**
 * Colour at position `t` (0..1, clamped) along a palette, linear between stops.
 * @example colourAt(SEVERITY_PALETTE, 0) // [26, 152, 80]
 */
export function colourAt(palette: readonly Rgb[], t: number): Rgb {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const scaled = clamped * (palette.length - 1);
  const index = Math.min(palette.length - 2, Math.floor(scaled));
  const from = palette[index]!;
  const to = palette[index + 1]!;
  const f = scaled - index;
  return [0, 1, 2].map((channel) => Math.round(from[channel]! + (to[channel]! - from[channel]!) * f)) as unknown as Rgb;
}

/** CSS `linear-gradient` showing a palette left to right, for legends. */
export function cssGradient(palette: readonly Rgb[]): string {
  const stops = palette.map(([r, g, b], index) => `rgb(${r}, ${g}, ${b}) ${Math.round((index / (palette.length - 1)) * 100)}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
