import { Type, type Static } from 'typebox';
import { EMERGING_PATTERNS, METRIC_CODES, TIME_STEPS } from '@citytwin/shared';
import { StringEnum } from '../../app/string-enum';
import { AnalysisQueryFields } from '../hotspots/analysis-request';

export const TrendHotspotsQuery = Type.Object(
  {
    layer: StringEnum(['physical', 'human'] as const, { description: 'physical = mean of readings per bin, human = appeals per bin' }),
    metric: Type.Optional(StringEnum(METRIC_CODES, { description: 'required for layer=physical' })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'appeal category code (layer=human); default: every appeal' })),
    step: StringEnum(TIME_STEPS, { default: 'day', description: 'length of a time step (UTC hours, days, Monday weeks)' }),
    ...AnalysisQueryFields,
    from: Type.Optional(Type.String({ format: 'date-time', description: 'window start; default: 30 steps before `to`' })),
    timeLag: Type.Integer({ minimum: 0, maximum: 10, default: 1, description: 'earlier steps in each bin\'s neighbourhood' }),
  },
  { additionalProperties: false },
);
export type TrendHotspotsQuery = Static<typeof TrendHotspotsQuery>;

export const TrendHotspotsResponse = Type.Object({
  layer: Type.String(),
  metric: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  res: Type.Integer(),
  step: Type.String(),
  from: Type.String(),
  to: Type.String(),
  rings: Type.Integer(),
  timeLag: Type.Integer(),
  /** Start of each step, oldest first. */
  steps: Type.Array(Type.String()),
  cells: Type.Array(Type.Object({
    h3: Type.String(),
    pattern: StringEnum(EMERGING_PATTERNS),
    trend: Type.Object({ z: Type.Number(), p: Type.Number() }),
    z: Type.Array(Type.Number()),
  })),
});
