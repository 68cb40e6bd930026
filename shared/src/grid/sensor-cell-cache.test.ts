import { describe, expect, it } from 'vitest';
import { cellAtLatLng } from './cell';
import { SensorCellCache } from './sensor-cell-cache';

describe('SensorCellCache', () => {
  it('gives the cell latLngToCell gives, for a standing sensor and after it moves', () => {
    const cache = new SensorCellCache(9);
    const here = { lat: 39.9042, lng: 116.4074 };
    const there = { lat: 39.95, lng: 116.3 };
    expect(cache.cellOf('aq-1', here)).toBe(cellAtLatLng(here, 9));
    expect(cache.cellOf('aq-1', { ...here })).toBe(cellAtLatLng(here, 9));
    // A sensor that moves gets its new cell from the next message on.
    expect(cache.cellOf('aq-1', there)).toBe(cellAtLatLng(there, 9));
    expect(cellAtLatLng(there, 9)).not.toBe(cellAtLatLng(here, 9));
    // Moving back is noticed too, and sensors do not share entries.
    expect(cache.cellOf('aq-1', here)).toBe(cellAtLatLng(here, 9));
    expect(cache.cellOf('aq-2', there)).toBe(cellAtLatLng(there, 9));
  });

  it('notices a move too small to leave the cell, and one across a cell edge', () => {
    const cache = new SensorCellCache(9);
    const start = { lat: 39.9, lng: 116.4 };
    cache.cellOf('bus-7', start);
    for (let step = 1; step <= 200; step += 1) {
      const at = { lat: 39.9 + step * 0.00005, lng: 116.4 };
      expect(cache.cellOf('bus-7', at)).toBe(cellAtLatLng(at, 9));
    }
  });

  it('forgets the oldest sensor when full, and still answers for it', () => {
    const cache = new SensorCellCache(8, 2);
    const at = { lat: 39.9, lng: 116.4 };
    cache.cellOf('a', at);
    cache.cellOf('b', at);
    cache.cellOf('c', at);
    expect(cache.size).toBe(2);
    expect(cache.cellOf('a', at)).toBe(cellAtLatLng(at, 8));
  });
});
