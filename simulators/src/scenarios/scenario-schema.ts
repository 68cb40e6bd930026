import { Type, type Static } from 'typebox';
import { METRIC_CODES } from '@citytwin/shared';

const LngLat = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })], { description: '[lng, lat] in degrees' });
const SensorKindName = Type.Union([Type.Literal('air'), Type.Literal('noise'), Type.Literal('water'), Type.Literal('traffic'), Type.Literal('streetlight'), Type.Literal('weather')]);

export const ScenarioArea = Type.Union([
  Type.Object({ centre: LngLat, radiusM: Type.Number({ exclusiveMinimum: 0, maximum: 50_000 }) }, { additionalProperties: false }),
  Type.Object({ polygon: Type.Array(LngLat, { minItems: 4 }) }, { additionalProperties: false }),
]);

export const PhysicalEffect = Type.Object(
  {
    metric: Type.Enum(METRIC_CODES),
    /** Added to the value (after the multiplier), in the metric's unit. */
    delta: Type.Optional(Type.Number()),
    multiplier: Type.Optional(Type.Number({ minimum: 0 })),
    /** Only at these local hours [from, to) (wrapping midnight), e.g. streetlights at night. */
    localHours: Type.Optional(Type.Tuple([Type.Number({ minimum: 0, maximum: 24 }), Type.Number({ minimum: 0, maximum: 24 })])),
  },
  { additionalProperties: false },
);

export const HumanEffect = Type.Object(
  { category: Type.String({ minLength: 1 }), perHour: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }) },
  { additionalProperties: false },
);

export const ScenarioIncident = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
    /** What the two layers should show: both (confirmed), people only (blind spot), sensors only (silent risk). */
    class: Type.Union([Type.Literal('confirmed'), Type.Literal('blind_spot'), Type.Literal('silent_risk')]),
    description: Type.Optional(Type.String()),
    area: ScenarioArea,
    /** Hours after the scenario start. */
    window: Type.Object({ fromHour: Type.Number({ minimum: 0 }), toHour: Type.Number({ exclusiveMinimum: 0 }) }, { additionalProperties: false }),
    sensors: Type.Optional(Type.Object({
      /** Sensors placed inside the area (they exist all scenario long). */
      add: Type.Optional(Type.Array(Type.Object({ kind: SensorKindName, count: Type.Integer({ minimum: 1, maximum: 1000 }) }, { additionalProperties: false }))),
      /** Kinds that have no sensor in the area (a gap of the network). */
      remove: Type.Optional(Type.Array(SensorKindName)),
    }, { additionalProperties: false })),
    physical: Type.Optional(Type.Array(PhysicalEffect)),
    human: Type.Optional(Type.Array(HumanEffect)),
  },
  { additionalProperties: false },
);

export const Scenario = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }),
    description: Type.Optional(Type.String()),
    city: Type.Union([Type.Literal('beijing'), Type.Literal('nyc')]),
    /** Local time of day "HH:MM" the simulated window starts, on the latest day it fits before now. */
    start: Type.Optional(Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' })),
    durationHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 14 }),
    seed: Type.Optional(Type.Integer({ minimum: 0 })),
    background: Type.Object(
      {
        sensors: Type.Integer({ minimum: 0, maximum: 100_000 }),
        intervalMinutes: Type.Number({ exclusiveMinimum: 0, maximum: 1440 }),
        appealsPerHour: Type.Number({ minimum: 0, maximum: 100_000 }),
      },
      { additionalProperties: false },
    ),
    incidents: Type.Array(ScenarioIncident, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type Scenario = Static<typeof Scenario>;
export type ScenarioIncident = Static<typeof ScenarioIncident>;
export type ScenarioArea = Static<typeof ScenarioArea>;
export type PhysicalEffect = Static<typeof PhysicalEffect>;
