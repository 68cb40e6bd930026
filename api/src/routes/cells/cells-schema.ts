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
    format: Type.Optional(StringEnum(['objects', 'columnar'] as const, {
      description: 'objects (default): `cells` as one object per cell; columnar: parallel arrays `h3`, `value`, `count` (index i is one cell), about half the bytes and parsed without one object per cell',
    })),
  },
  { additionalProperties: false },
);
export type CellsQuery = Static<typeof CellsQuery>;

const CellsHeader = {
  layer: Type.String(),
  res: Type.Integer(),
  metric: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  from: Type.String(),
  to: Type.String(),
  /** Cells with fewer appeals than this were left out (privacy), human layer only. */
  suppressedBelow: Type.Optional(Type.Integer()),
};

/** The default answer: one object per cell. */
export const CellsResponse = Type.Object({
  ...CellsHeader,
  cells: Type.Array(Type.Object({ h3: Type.String(), value: Type.Number(), count: Type.Number() })),
});

/**
 * `format=columnar`: the same cells as parallel arrays of equal length — H3
 * index (15-digit hex), value and count of cell i at index i. Parsed by a page
 * straight into typed arrays for deck.gl attributes.
 */
export const CellsColumnarResponse = Type.Object({
  format: Type.Literal('columnar'),
  ...CellsHeader,
  length: Type.Integer({ minimum: 0 }),
  h3: Type.Array(Type.String()),
  value: Type.Array(Type.Number()),
  count: Type.Array(Type.Number()),
}, { description: 'format=columnar' });
