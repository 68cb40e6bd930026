import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** The city's local time, ticking every second on its own (the rest of the page does not re-render for it). */
function Clock() {
  const { clock } = useI18n();
  const [nowMs, setNowMs] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <div className="wall-clock" data-testid="wall-clock">{clock(nowMs)}</div>;
}

export interface WallHeaderProps {
  cityName: string;
  sceneTitle: string;
  dataAsOfMs: number | undefined;
  stale: boolean;
  staleSinceMs: number | undefined;
}

/** Title, scene, "data as of", the stale badge and the clock: always on screen, whatever the scene. */
export function WallHeader(props: WallHeaderProps) {
  const { t, clock } = useI18n();
  const asOf = props.dataAsOfMs === undefined ? t('wall.noDataYet') : t('wall.dataAsOf', { time: clock(props.dataAsOfMs) });
  return (
    <header className="wall-header">
      <div className="wall-title">
        <div>{props.cityName} · {t('wall.title')}</div>
        <div className="wall-scene-title" data-testid="wall-scene-title">{props.sceneTitle}</div>
      </div>
      {props.stale && (
        <div className="wall-stale" data-testid="stale-badge" role="status">
          {props.staleSinceMs === undefined || props.dataAsOfMs === undefined ? t('wall.connecting') : t('wall.stale', { time: clock(props.staleSinceMs) })}
        </div>
      )}
      <div className="wall-time">
        <Clock />
        <div className="wall-as-of" data-testid="data-as-of">{asOf}</div>
      </div>
    </header>
  );
}
