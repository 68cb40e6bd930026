import { Type, type Static } from 'typebox';

export const AppealListQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'received at or after' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'received before' })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    status: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'one status or several, comma-separated' })),
    district: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    street: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    cell: Type.Optional(Type.String({ minLength: 15, maxLength: 16, description: 'H3 cell of any resolution up to the stored one' })),
    overdue: Type.Optional(Type.Union([Type.Literal('response'), Type.Literal('resolution')], { description: 'only appeals overdue for this step now' })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export type AppealListQuery = Static<typeof AppealListQuery>;

export const AppealIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
