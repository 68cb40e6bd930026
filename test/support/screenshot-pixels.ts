import { PNG } from 'pngjs';

/** A screen rectangle in CSS pixels (device scale factor 1). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Rgb = [r: number, g: number, b: number];

/** A decoded screenshot. */
export interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): Rgb;
}

export function decodePng(png: Buffer): Pixels {
  const image = PNG.sync.read(png);
  return {
    width: image.width,
    height: image.height,
    at(x, y) {
      const offset = (Math.round(y) * image.width + Math.round(x)) * 4;
      return [image.data[offset]!, image.data[offset + 1]!, image.data[offset + 2]!];
    },
  };
}

/**
 * Physical layer (green-yellow-red severity palette): red or green clearly
 * above blue. The dark background and the slate outlines are blue-dominant.
 */
export function isPhysicalColour([r, g, b]: Rgb): boolean {
  return Math.max(r, g) > 90 && Math.max(r, g) - b > 45;
}

/** Human layer (cyan-blue-violet outlines): bright, saturated blue. */
export function isHumanColour([r, g, b]: Rgb): boolean {
  return b > 150 && b - Math.min(r, g) > 90;
}

/** Dark-theme background and area fill. */
export function isDark([r, g, b]: Rgb): boolean {
  return r + g + b < 180;
}

/** Counts pixels of a class, skipping the rectangles (panels, controls) laid over the map. */
export function countPixels(pixels: Pixels, matches: (rgb: Rgb) => boolean, skip: readonly Rect[] = []): number {
  let count = 0;
  for (let y = 0; y < pixels.height; y += 1) {
    for (let x = 0; x < pixels.width; x += 1) {
      if (skip.some((rect) => x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height)) continue;
      if (matches(pixels.at(x, y))) count += 1;
    }
  }
  return count;
}
