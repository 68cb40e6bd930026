import type { RejectReason } from '@citytwin/shared';
import type { Db } from '../backends/db';

/** Raw payload bytes kept per dead letter; the original size is stored too. */
export const DEAD_LETTER_MAX_BYTES = 4096;

export interface DeadLetter {
  topic: string;
  payload: Uint8Array;
  reason: RejectReason;
  detail: string;
  receivedAtMs: number;
}

export interface StoredDeadLetter {
  id: number;
  topic: string;
  /** The kept bytes as UTF-8 text (lossy for binary payloads). */
  payloadText: string;
  payloadBytes: number;
  reason: RejectReason;
  detail: string | null;
  receivedAtMs: number;
}

/** Stores refused messages, each payload cut to {@link DEAD_LETTER_MAX_BYTES}. */
export async function insertDeadLetters(db: Db, letters: readonly DeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  await db.query(
    `INSERT INTO dead_letters (topic, payload, payload_bytes, reason, detail, received_at)
     SELECT topic, decode(hex, 'hex'), bytes, reason, detail, to_timestamp(ms / 1000.0)
     FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::float8[])
       AS letter (topic, hex, bytes, reason, detail, ms)`,
    [
      letters.map((letter) => letter.topic),
      letters.map((letter) => Buffer.from(letter.payload.subarray(0, DEAD_LETTER_MAX_BYTES)).toString('hex')),
      letters.map((letter) => letter.payload.byteLength),
      letters.map((letter) => letter.reason),
      letters.map((letter) => letter.detail),
      letters.map((letter) => letter.receivedAtMs),
    ],
  );
}

/** The newest dead letters first, optionally of one reason. */
export async function listDeadLetters(db: Db, options: { limit: number; reason?: RejectReason }): Promise<StoredDeadLetter[]> {
  const rows = await db.query<Omit<StoredDeadLetter, 'payloadText'> & { hex: string }>(
    `SELECT id::int AS id, topic, encode(payload, 'hex') AS hex, payload_bytes AS "payloadBytes", reason, detail,
       (extract(epoch FROM received_at) * 1000)::float8 AS "receivedAtMs"
     FROM dead_letters WHERE ($1::text IS NULL OR reason = $1) ORDER BY id DESC LIMIT $2`,
    [options.reason ?? null, options.limit],
  );
  return rows.map(({ hex, ...row }) => ({ ...row, payloadText: Buffer.from(hex, 'hex').toString('utf8') }));
}

/** Number of stored dead letters per reason, all time. */
export async function countDeadLettersByReason(db: Db): Promise<Partial<Record<RejectReason, number>>> {
  const rows = await db.query<{ reason: RejectReason; n: number }>('SELECT reason, count(*)::int AS n FROM dead_letters GROUP BY reason ORDER BY reason');
  return Object.fromEntries(rows.map((row) => [row.reason, row.n]));
}
