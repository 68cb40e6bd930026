import { Type, type Static } from 'typebox';
import { METRIC_CODES } from '@citytwin/shared';
import { StringEnum } from '../../app/string-enum';

const SensorStatusSchema = StringEnum(['online', 'stale', 'offline', 'unknown'] as const);

export const SensorRegistrationBody = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$', description: 'also the MQTT topic level citytwin/sensors/<id>' }),
    kind: Type.String({ minLength: 1, maxLength: 32 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    metrics: Type.Array(StringEnum(METRIC_CODES), { maxItems: 32 }),
    intervalMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: 7 * 86_400_000, description: 'usual reporting interval' })),
  },
  { additionalProperties: false },
);
export type SensorRegistrationBody = Static<typeof SensorRegistrationBody>;

export const SensorView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  h3: Type.Union([Type.String(), Type.Null()]),
  metrics: Type.Array(Type.String()),
  intervalMs: Type.Union([Type.Integer(), Type.Null()]),
  lastSeen: Type.Union([Type.String(), Type.Null()]),
  status: SensorStatusSchema,
});
export type SensorView = Static<typeof SensorView>;

export const SensorListQuery = Type.Object(
  { status: Type.Optional(SensorStatusSchema), kind: Type.Optional(Type.String({ maxLength: 32 })) },
  { additionalProperties: false },
);

export const SensorListResponse = Type.Object({ sensors: Type.Array(SensorView) });

export const FleetHealthResponse = Type.Object({
  total: Type.Integer(),
  online: Type.Integer(),
  stale: Type.Integer(),
  offline: Type.Integer(),
  unknown: Type.Integer(),
  newestReading: Type.Union([Type.String(), Type.Null()]),
  asOf: Type.String(),
});
