import { cellToBigInt, type H3Cell } from '@citytwin/shared';
import type { Db } from '../backends/db';

export interface NewAppeal {
  id: string;
  category: string;
  channel: string;
  description?: string | null;
  lat?: number | null;
  lng?: number | null;
  cell?: H3Cell | null;
  address?: string | null;
  receivedAtMs: number;
}

/** Stores a new appeal in status `received` with its first event. */
export async function insertAppeal(db: Db, appeal: NewAppeal, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const receivedAt = new Date(appeal.receivedAtMs).toISOString();
    await tx.query(
      `INSERT INTO appeals (id, category, channel, description, lat, lng, cell, address, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        appeal.id,
        appeal.category,
        appeal.channel,
        appeal.description ?? null,
        appeal.lat ?? null,
        appeal.lng ?? null,
        appeal.cell ? cellToBigInt(appeal.cell).toString() : null,
        appeal.address ?? null,
        receivedAt,
      ],
    );
    await tx.query(`INSERT INTO appeal_events (appeal_id, ts, type, actor) VALUES ($1, $2, 'received', $3)`, [
      appeal.id,
      receivedAt,
      actor,
    ]);
  });
}

/** Number of stored appeals. */
export async function countAppeals(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM appeals');
  return row?.n ?? 0;
}
