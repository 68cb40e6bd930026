import { Type, type Static } from 'typebox';
import { StringEnum } from '../../app/string-enum';
import { METRIC_CODES, MAX_SERVED_RESOLUTION, MIN_SERVED_RESOLUTION } from '@citytwin/shared';

export const CellsQuery = Type.Object(
  {
    layer: StringEnum(['physical', 'human'] as const, { description: 'physical = sensor readings, human = appeals' }),
    metric: Type.Optional(StringEnum(METRIC_CODES, { description: 'required for layer=physical' })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'appeal category code (layer=human)' })),
    status: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'appeal status (layer=human)' })),
    res: Type.Integer({ minimum: MIN_SERVED_RESOLUTION, maximum: MAX_SERVED_RESOLUTION, default: 8 }),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type CellsQuery = Static<typeof CellsQuery>;

export const CellsResponse = Type.Object({
  layer: Type.String(),
  res: Type.Integer(),
  metric: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  from: Type.String(),
  to: Type.String(),
  /** Cells with fewer appeals than this were left out (privacy), human layer only. */
  suppressedBelow: Type.Optional(Type.Integer()),
  cells: Type.Array(Type.Object({ h3: Type.String(), value: Type.Number(), count: Type.Number() })),
});
