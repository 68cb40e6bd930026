import type { MetricSpec } from '@citytwin/shared';
import type { PickedCell } from '../layers/cell-layers';
import { formatReading } from '../layers/legend-ticks';

/** What the last clicked hexagon holds. */
export function CellPanel(props: { picked: PickedCell; metric: MetricSpec; onClose(): void }) {
  const { picked, metric } = props;
  return (
    <section className="cell-panel panel" data-testid="cell-panel" aria-label="Cell">
      <button type="button" className="close" aria-label="Close" onClick={props.onClose}>
        ×
      </button>
      <div className="muted">H3 {picked.cell.h3}</div>
      {picked.layer === 'physical' ? (
        <div>
          <strong>
            {formatReading(picked.cell.value)} {metric.unit}
          </strong>{' '}
          {metric.nameEn} <span className="muted">(mean of {picked.cell.count} {picked.cell.count === 1 ? 'reading' : 'readings'}, last 24 h)</span>
        </div>
      ) : (
        <div>
          <strong>{picked.cell.count}</strong> {picked.cell.count === 1 ? 'appeal' : 'appeals'} <span className="muted">(last 24 h)</span>
        </div>
      )}
    </section>
  );
}
