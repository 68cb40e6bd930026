import { useEffect, useRef, useState } from 'react';
import type { LiveSubscription } from '@citytwin/shared';
import { readSessionKey } from '../auth/session-key';
import { LiveChannel, type LiveChannelStatus } from '../live-channel/live-channel';
import { WallData } from './wall-data';

/** `ws(s)://<this host>/api/live`, with the signed-in key if there is one. */
export function liveChannelUrl(location: { protocol: string; host: string }, apiKey: string | undefined): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/live${apiKey ? `?api_key=${encodeURIComponent(apiKey)}` : ''}`;
}

export interface WallLive {
  data: WallData;
  /** Changes whenever `data` changed (the object itself stays the same). */
  version: number;
  status: LiveChannelStatus;
}

/**
 * The wall's live channel: one {@link LiveChannel} and one {@link WallData}
 * for the page's life; a new subscription (resolution, metric) is sent on
 * the same socket.
 */
export function useWallLive(subscription: LiveSubscription | undefined): WallLive {
  const data = useRef(new WallData());
  const channel = useRef<LiveChannel>(undefined);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<LiveChannelStatus>({ connected: false, stale: true, staleSinceMs: undefined, reconnects: 0 });
  const key = subscription ? JSON.stringify(subscription) : '';

  useEffect(() => {
    if (!subscription) return;
    if (channel.current) {
      channel.current.subscribe(subscription);
      return;
    }
    const created = new LiveChannel({
      url: liveChannelUrl(window.location, readSessionKey()),
      subscription,
      onMessage: (message) => {
        if (data.current.apply(message)) setVersion((previous) => previous + 1);
      },
      onStatus: setStatus,
    });
    channel.current = created;
    created.start();
  }, [key]);

  useEffect(
    () => () => {
      channel.current?.stop();
      channel.current = undefined;
    },
    [],
  );

  return { data: data.current, version, status };
}
