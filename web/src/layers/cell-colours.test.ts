import { describe, expect, it } from 'vitest';
import { columnsOf } from '../api/cell-columns';
import { fillColours } from './cell-colours';

describe('fillColours', () => {
  it('writes four bytes per cell from the colour of its value', () => {
    const columns = columnsOf({ layer: 'human', res: 8, from: '', to: '', format: 'columnar', length: 2, h3: ['a', 'b'], value: [1, 9], count: [1, 9] });
    const bytes = fillColours(columns, (cell) => (cell.value > 5 ? [200, 10, 20, 255] : [0, 100, 0, 128]));
    expect([...bytes]).toEqual([0, 100, 0, 128, 200, 10, 20, 255]);
  });
});
