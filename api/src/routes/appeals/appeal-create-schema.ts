import { Type, type Static } from 'typebox';
import { APPEAL_CHANNELS } from '@citytwin/shared';

export const ContactSchema = Type.Object(
  {
    name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 320 }), Type.Null()])),
  },
  { additionalProperties: false },
);

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
    /** The resident's personal data: stored apart, shown to admins and operators only. */
    contact: Type.Optional(ContactSchema),
    /** Id in the source system; a second appeal with the same id is refused with 409. */
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CreateAppealBody = Static<typeof CreateAppealBody>;
