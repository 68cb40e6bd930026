import { Type, type Static } from 'typebox';
import { ContactSchema } from './appeal-create-schema';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const AppealEventView = Type.Object({
  at: Type.String(),
  type: Type.String(),
  actor: NullableString,
  note: NullableString,
  data: Type.Object({}, { additionalProperties: true }),
});

/** An appeal as planners, operators and admins see it; `contact` only for operators and admins. */
export const AppealView = Type.Object({
  id: Type.String(),
  externalId: NullableString,
  status: Type.String(),
  category: Type.String(),
  channel: Type.String(),
  description: NullableString,
  lat: NullableNumber,
  lng: NullableNumber,
  cell: NullableString,
  address: NullableString,
  district: NullableString,
  street: NullableString,
  community: NullableString,
  departments: Type.Array(Type.String()),
  duplicateOf: NullableString,
  rating: NullableString,
  outcome: NullableString,
  reopenCount: Type.Integer(),
  receivedAt: Type.String(),
  updatedAt: Type.String(),
  responseDue: NullableString,
  resolutionDue: NullableString,
  dispatchedAt: NullableString,
  respondedAt: NullableString,
  outcomeAt: NullableString,
  ratedAt: NullableString,
  closedAt: NullableString,
  overdue: Type.Object({ response: Type.Boolean(), resolution: Type.Boolean() }),
  contact: Type.Optional(ContactSchema),
  events: Type.Optional(Type.Array(AppealEventView)),
});
export type AppealView = Static<typeof AppealView>;

export const AppealList = Type.Object({
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  appeals: Type.Array(AppealView),
});
