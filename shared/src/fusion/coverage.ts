import { gridDisk } from 'h3-js';
import type { H3Cell } from '../grid/cell';

/** How far a sensor's view reaches, in grid steps: its own cell and ring 1. */
export const COVERAGE_RINGS = 1;

/**
 * The cells the sensor network covers: each cell holding a sensor of the
 * metric that reported in the window, and its ring-1 neighbours (same
 * resolution as the input).
 * @example coveredCells([sensorCell]).size // 7
 */
export function coveredCells(sensorCells: Iterable<H3Cell>): Set<H3Cell> {
  const covered = new Set<H3Cell>();
  for (const cell of sensorCells) {
    for (const near of gridDisk(cell, COVERAGE_RINGS)) covered.add(near);
  }
  return covered;
}
