import type { HealthInfo } from '../api/api-types';
import type { LiveCells } from '../live/refresh-layers';
import { useI18n } from '../i18n/i18n-context';
import { describeStatus, type FusionStatus } from './format-status';

/** One line at the bottom: store, last refresh, cells per layer (fused cells in fusion mode), and the latest error. */
export function StatusLine(props: { health: HealthInfo | undefined; live: LiveCells; timeZone: string; fusion?: FusionStatus | undefined }) {
  const { lang, t } = useI18n();
  const status = describeStatus(props.health, props.live, props.timeZone, lang, props.fusion);
  return (
    <footer className="status-line" data-testid="status-line" role="status">
      <span>{status.text}</span>
      {status.error && <span className="status-error">{t('status.refreshFailed', { error: status.error })}</span>}
    </footer>
  );
}
