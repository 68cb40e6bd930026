import { Type, type TUnsafe } from 'typebox';

/**
 * A string schema limited to `values`, as a JSON-schema `enum` so a refusal
 * lists the allowed values (a union of literals only says "anyOf failed").
 */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}
