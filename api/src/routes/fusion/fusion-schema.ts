import { Type } from 'typebox';
import { METRIC_CODES } from '@citytwin/shared';
import { StringEnum } from '../../app/string-enum';
import { AnalysisQueryFields, ConfidenceQuery } from '../hotspots/analysis-request';
import { ConfidenceSchema, HotspotClassSchema } from '../hotspots/hotspots-schema';

export const FusionQuery = Type.Object(
  {
    metric: StringEnum(METRIC_CODES, { description: 'a metric paired with an appeal category' }),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "the metric's paired first-level category (default)" })),
    ...AnalysisQueryFields,
    confidence: ConfidenceQuery,
  },
  { additionalProperties: false },
);

const Statistics = { z: Type.Number(), p: Type.Number(), class: HotspotClassSchema, confidence: ConfidenceSchema };
const PhysicalLayer = Type.Object({ value: Type.Number(), ...Statistics });
/** `value` (appeals) is null for anonymous callers where it is below the minimum. */
const HumanLayer = Type.Object({ value: Type.Union([Type.Number(), Type.Null()]), ...Statistics });

export const FusionResponse = Type.Object({
  metric: Type.String(),
  category: Type.String(),
  res: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  rings: Type.Integer(),
  confidence: Type.Integer(),
  /** Anonymous callers: a cell's appeal count is null where it is below this. */
  suppressedBelow: Type.Optional(Type.Integer()),
  cells: Type.Array(
    Type.Object({
      h3: Type.String(),
      class: StringEnum(['confirmed', 'blind_spot', 'silent_risk', 'none'] as const),
      covered: Type.Boolean(),
      physical: Type.Union([PhysicalLayer, Type.Null()]),
      human: HumanLayer,
    }),
  ),
  summary: Type.Object({ confirmed: Type.Integer(), blind_spot: Type.Integer(), silent_risk: Type.Integer(), covered: Type.Integer(), cells: Type.Integer() }),
});
