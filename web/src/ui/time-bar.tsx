import { useState } from 'react';
import { PLAYBACK_SPEEDS, PLAYBACK_STEPS, type PlaybackStep } from '../time/playback';
import { TIME_PRESETS, type TimeBound } from '../time/time-range';
import type { Timeline } from '../time/use-timeline';
import { fromZonedInput, toZonedInput } from '../time/zoned-input';
import { useI18n } from '../i18n/i18n-context';

export interface TimeBarProps {
  from: TimeBound;
  to: TimeBound;
  step: PlaybackStep;
  cumulative: boolean;
  timeline: Timeline;
  timeZone: string;
  onChange(change: { from?: TimeBound; to?: TimeBound; step?: PlaybackStep; cumulative?: boolean }): void;
}

/** Presets, a custom range in the city's time, and playback of the window in steps. */
export function TimeBar(props: TimeBarProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { timeline, timeZone } = props;
  const [customOpen, setCustomOpen] = useState(false);
  const [customFrom, setCustomFrom] = useState(() => toZonedInput(timeline.window.fromMs, timeZone));
  const [customTo, setCustomTo] = useState(() => toZonedInput(timeline.window.toMs, timeZone));
  const preset = props.to === 'now' ? TIME_PRESETS.find((bound) => bound === props.from) : undefined;
  const applyCustom = () => {
    const fromMs = fromZonedInput(customFrom, timeZone);
    const toMs = fromZonedInput(customTo, timeZone);
    if (fromMs !== undefined && toMs !== undefined && fromMs < toMs) {
      props.onChange({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
      timeline.setFrame(undefined);
    }
  };
  const frameLabel = `${i18n.dateTime(timeline.shown.fromMs)} – ${i18n.dateTime(timeline.shown.toMs)}`;
  return (
    <section className="time-bar panel" aria-label={t('time.label')} data-testid="time-bar">
      <div className="time-row">
        {TIME_PRESETS.map((bound) => (
          <button key={bound} type="button" data-testid={`preset-${bound}`} className={preset === bound ? 'active' : ''} onClick={() => {
            props.onChange({ from: bound, to: 'now' });
            timeline.setFrame(undefined);
          }}>
            {t(`time.${bound}`)}
          </button>
        ))}
        <button type="button" className={preset ? '' : 'active'} data-testid="preset-custom" onClick={() => setCustomOpen(!customOpen)}>
          {t('time.custom')}
        </button>
        <span className="time-label" data-testid="time-label" title={timeZone}>{frameLabel}</span>
      </div>
      {customOpen && (
        <div className="time-row">
          <label>{t('time.from')} <input type="datetime-local" data-testid="custom-from" value={customFrom} onChange={(event) => setCustomFrom(event.target.value)} /></label>
          <label>{t('time.to')} <input type="datetime-local" data-testid="custom-to" value={customTo} onChange={(event) => setCustomTo(event.target.value)} /></label>
          <button type="button" data-testid="custom-apply" onClick={applyCustom}>{t('time.apply')}</button>
        </div>
      )}
      <div className="time-row">
        <button type="button" data-testid="play" className="play" onClick={() => timeline.setPlaying(!timeline.playing)}>
          {timeline.playing ? t('time.pause') : t('time.play')}
        </button>
        <input
          type="range" min={0} max={timeline.frames - 1} step={1} data-testid="frame-slider" aria-label={t('time.frame')}
          value={timeline.frame ?? timeline.frames - 1} onChange={(event) => timeline.setFrame(Number(event.target.value))}
        />
        <label>{t('time.step')}{' '}
          <select data-testid="step" value={props.step} onChange={(event) => props.onChange({ step: event.target.value as PlaybackStep })}>
            {PLAYBACK_STEPS.map((step) => <option key={step} value={step}>{t(`time.step.${step}`)}</option>)}
          </select>
        </label>
        <label>{t('time.speed')}{' '}
          <select data-testid="speed" value={timeline.speed} onChange={(event) => timeline.setSpeed(Number(event.target.value))}>
            {PLAYBACK_SPEEDS.map((speed) => <option key={speed} value={speed}>{t('time.speedValue', { n: i18n.number(speed) })}</option>)}
          </select>
        </label>
        <label className="toggle-inline">
          <input type="checkbox" data-testid="cumulative" checked={props.cumulative} onChange={(event) => props.onChange({ cumulative: event.target.checked })} />
          {t('time.cumulative')}
        </label>
      </div>
    </section>
  );
}
