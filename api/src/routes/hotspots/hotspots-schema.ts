import { Type, type Static } from 'typebox';
import { METRIC_CODES } from '@citytwin/shared';
import { StringEnum } from '../../app/string-enum';
import { AnalysisQueryFields } from './analysis-request';

export const HotspotsQuery = Type.Object(
  {
    layer: StringEnum(['physical', 'human'] as const, { description: 'physical = sensor readings (mean per cell), human = appeals (count per cell)' }),
    metric: Type.Optional(StringEnum(METRIC_CODES, { description: 'required for layer=physical' })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'appeal category code (layer=human); default: every appeal' })),
    ...AnalysisQueryFields,
    fdr: Type.Boolean({ default: true, description: 'Benjamini-Hochberg correction of the confidence cut-offs' }),
  },
  { additionalProperties: false },
);
export type HotspotsQuery = Static<typeof HotspotsQuery>;

export const HotspotClassSchema = StringEnum(['hot', 'cold', 'none'] as const);
export const ConfidenceSchema = Type.Union([Type.Literal(99), Type.Literal(95), Type.Literal(90), Type.Null()]);

export const HotspotsResponse = Type.Object({
  layer: Type.String(),
  metric: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  res: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  rings: Type.Integer(),
  fdr: Type.Boolean(),
  /** Cells in the study area (all of them, also those a caller may not see). */
  n: Type.Integer(),
  /** Anonymous callers on the human layer: cells with fewer appeals than this are not listed. */
  suppressedBelow: Type.Optional(Type.Integer()),
  cells: Type.Array(Type.Object({ h3: Type.String(), value: Type.Number(), z: Type.Number(), p: Type.Number(), class: HotspotClassSchema, confidence: ConfidenceSchema })),
});
