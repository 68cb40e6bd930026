import { describe, expect, it } from 'vitest';
import { METRICS } from '@citytwin/shared';
import { physicalColouring } from '../layers/physical-colour';
import { buildWallLayers } from '../wall/wall-layers';
import { LiveLayerData } from './live-layer-data';

describe('LiveLayerData', () => {
  it('replaces everything on a snapshot and changes only the named cells on a delta', () => {
    const layer = new LiveLayerData();
    layer.applySnapshot(8, [{ h3: 'a', value: 1, count: 1 }, { h3: 'b', value: 2, count: 2 }, { h3: 'c', value: 3, count: 3 }]);
    const before = layer.data;
    const untouched = before.find((cell) => cell.h3 === 'a');
    expect(layer.applyDelta(8, [{ h3: 'b', value: 5, count: 3 }, { h3: 'd', value: 4, count: 1 }], ['c'])).toBe(true);
    expect(layer.data).not.toBe(before);
    expect(Object.fromEntries(layer.data.map((cell) => [cell.h3, cell.value]))).toEqual({ a: 1, b: 5, d: 4 });
    // The cell the delta did not name is the very same object.
    expect(layer.data.find((cell) => cell.h3 === 'a')).toBe(untouched);
    expect(layer.version).toBe(2);
    layer.applySnapshot(8, [{ h3: 'z', value: 9, count: 9 }]);
    expect(layer.data.map((cell) => cell.h3)).toEqual(['z']);
  });

  it('keeps every other cell in its row: a changed cell stays put, a new one is appended, a removed one is filled by the last row', () => {
    const layer = new LiveLayerData();
    layer.applySnapshot(8, ['a', 'b', 'c', 'd', 'e'].map((h3, i) => ({ h3, value: i, count: 1 })));
    const before = layer.data;
    layer.applyDelta(8, [{ h3: 'b', value: 10, count: 2 }, { h3: 'f', value: 5, count: 1 }], ['a']);
    // Rows: a->f (moved from the end), b updated, c d e untouched.
    expect(layer.data.map((cell) => cell.h3)).toEqual(['f', 'b', 'c', 'd', 'e']);
    for (const row of [2, 3, 4]) expect(layer.data[row]).toBe(before[row]);
  });

  it('stays the same size however many deltas it applies (a wall runs for weeks)', () => {
    const layer = new LiveLayerData();
    layer.applySnapshot(8, [{ h3: 'a', value: 1, count: 1 }]);
    for (let i = 0; i < 1000; i += 1) layer.applyDelta(8, [{ h3: 'a', value: i, count: i + 1 }], []);
    expect(layer.data).toHaveLength(1);
    expect(layer.data[0]).toEqual({ h3: 'a', value: 999, count: 1000 });
  });

  it('ignores a delta for another resolution than its snapshot (an answer to an older subscription)', () => {
    const layer = new LiveLayerData();
    layer.applySnapshot(7, [{ h3: 'a', value: 1, count: 1 }]);
    const data = layer.data;
    expect(layer.applyDelta(8, [{ h3: 'b', value: 2, count: 2 }], [])).toBe(false);
    expect(layer.data).toBe(data);
  });

  it('hands deck.gl the same layers (same ids) with the updated data after a delta', () => {
    const physical = new LiveLayerData();
    const human = new LiveLayerData();
    human.applySnapshot(8, []);
    physical.applySnapshot(8, [{ h3: '8831aa5c1bfffff', value: 60, count: 4 }, { h3: '8831aa5c1ffffff', value: 40, count: 4 }, { h3: '8831aa5c13fffff', value: 80, count: 4 }]);
    const build = () => buildWallLayers({
      fusion: false, physical: physical.data, human: human.data, fused: [], alertCells: [], maxAppeals: 10, labels: [], beforeId: 'x',
      colouring: physicalColouring('data', METRICS.noise_db, Float64Array.from(physical.data, (cell) => cell.value), new Map()),
    });
    type Binary = { length: number; attributes: { getPosition: { value: Float32Array }; getFillColor: { value: Uint8Array } } };
    const first = build();
    const again = build();
    // Unchanged data: the very same centres, so deck.gl uploads nothing.
    expect((again[0]!.props.data as Binary).attributes.getPosition.value).toBe((first[0]!.props.data as Binary).attributes.getPosition.value);
    physical.applyDelta(8, [{ h3: '8831aa5c1bfffff', value: 75, count: 5 }], []);
    const second = build();
    expect(second.map((layer) => layer.id)).toEqual(first.map((layer) => layer.id));
    const before = (first[0]!.props.data as Binary).attributes.getFillColor.value;
    const after = (second[0]!.props.data as Binary).attributes.getFillColor.value;
    expect((second[0]!.props.data as Binary).length).toBe(3);
    expect([...after.subarray(0, 4)]).not.toEqual([...before.subarray(0, 4)]);
  });
});
