import { describe, expect, it } from 'vitest';
import { METRICS } from '@citytwin/shared';
import type { CellDatum } from '../api/api-types';
import { HUMAN_LAYER_ID, PHYSICAL_LAYER_ID, buildCellLayers, maxCount } from './cell-layers';
import { countColour, metricColour } from './colour-scale';

const PHYSICAL: CellDatum[] = [{ h3: '8831aa5555fffff', value: 80, count: 12 }];
const HUMAN: CellDatum[] = [
  { h3: '8831aa5555fffff', value: 4, count: 4 },
  { h3: '8831aa5551fffff', value: 9, count: 9 },
];

describe('buildCellLayers', () => {
  it('builds the physical and human layers with the toggles applied', () => {
    const [physical, human] = buildCellLayers({ physical: PHYSICAL, human: HUMAN, metric: METRICS.pm25, showPhysical: false, showHuman: true });
    expect(physical.id).toBe(PHYSICAL_LAYER_ID);
    expect(human.id).toBe(HUMAN_LAYER_ID);
    expect(physical.props.visible).toBe(false);
    expect(human.props.visible).toBe(true);
    expect(physical.props.pickable && human.props.pickable).toBe(true);
  });

  it('colours physical cells by severity and human cells by count relative to the busiest cell', () => {
    const [physical, human] = buildCellLayers({ physical: PHYSICAL, human: HUMAN, metric: METRICS.pm25, showPhysical: true, showHuman: true });
    const getPhysical = physical.props.getFillColor as unknown as (cell: CellDatum) => number[];
    const getHumanLine = human.props.getLineColor as unknown as (cell: CellDatum) => number[];
    expect(getPhysical(PHYSICAL[0]!)).toEqual(metricColour(80, METRICS.pm25, 210));
    expect(getHumanLine(HUMAN[1]!)).toEqual(countColour(9, 9, 255));
    expect(getHumanLine(HUMAN[0]!)).toEqual(countColour(4, 9, 255));
  });

  it('passes the map layer to draw below when interleaved', () => {
    const [physical] = buildCellLayers({ physical: [], human: [], metric: METRICS.pm25, showPhysical: true, showHuman: true, beforeId: 'outline' });
    expect((physical.props as unknown as { beforeId?: string }).beforeId).toBe('outline');
  });
});

describe('maxCount', () => {
  it('is 0 for an empty layer', () => {
    expect(maxCount([])).toBe(0);
    expect(maxCount(HUMAN)).toBe(9);
  });
});
