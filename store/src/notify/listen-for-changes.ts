import type { Db, ListenOptions } from '../backends/db';
import type { ChangeChannel, ChangeOf } from './change-channels';

/** Receives each well-formed change announced on a channel. */
export type ChangeHandler<C extends ChangeChannel> = (change: ChangeOf[C]) => void;

export interface ChangeListenOptions extends ListenOptions {
  /** A payload that is not JSON (someone else's NOTIFY on our channel): dropped, reported here. */
  onMalformed?: (payload: string) => void;
}

/**
 * Listens on one change channel and hands each parsed change to `onChange`;
 * see {@link Db.listen} for delivery, loss and resumption. Listen on the
 * primary store (`context.store.db`), not a replica.
 * @example const stop = await listenForChanges(store.db, CHANGE_CHANNELS.readings, (change) => refresh(change.metrics))
 */
export async function listenForChanges<C extends ChangeChannel>(
  db: Db,
  channel: C,
  onChange: ChangeHandler<C>,
  options: ChangeListenOptions = {},
): Promise<() => Promise<void>> {
  return db.listen(channel, (payload) => {
    let change: unknown;
    try {
      change = JSON.parse(payload);
    } catch {
      options.onMalformed?.(payload);
      return;
    }
    if (typeof change !== 'object' || change === null) {
      options.onMalformed?.(payload);
      return;
    }
    onChange(change as ChangeOf[C]);
  }, options);
}
