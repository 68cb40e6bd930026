import type { HealthInfo } from '../api/api-types';
import type { LiveCells } from '../live/refresh-layers';
import { describeStatus } from './format-status';

/** One line at the bottom: store, last refresh, cells per layer, and the latest error. */
export function StatusLine(props: { health: HealthInfo | undefined; live: LiveCells; timeZone: string; startupError: string | undefined }) {
  const status = describeStatus(props.health, props.live, props.timeZone);
  const error = props.startupError ?? status.error;
  return (
    <footer className="status-line" data-testid="status-line" role="status">
      <span>{status.text}</span>
      {error && <span className="status-error"> · refresh failed: {error} (showing the last data)</span>}
    </footer>
  );
}
