import { Type, type Static } from 'typebox';

export const APPEAL_CHANNELS = ['hotline', 'app', 'web', 'wechat', 'open311'] as const;

export const CreateAppealBody = Type.Object(
  {
    category: Type.String({ minLength: 1, maxLength: 64 }),
    channel: Type.Union(APPEAL_CHANNELS.map((channel) => Type.Literal(channel))),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    /** When the resident made the appeal; defaults to now (simulators and imports set it). */
    receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type CreateAppealBody = Static<typeof CreateAppealBody>;

export const CreatedAppeal = Type.Object({
  id: Type.String(),
  status: Type.String(),
  category: Type.String(),
  cell: Type.Union([Type.String(), Type.Null()]),
  receivedAt: Type.String(),
});
