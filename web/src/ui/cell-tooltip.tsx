import type { MetricSpec } from '@citytwin/shared';
import type { CellDatum } from '../api/api-types';
import type { FusionCell } from '../api/analysis-types';
import { useI18n } from '../i18n/i18n-context';
import { unitKey } from '../i18n/metric-unit';

export interface HoverInfo {
  h3: string;
  x: number;
  y: number;
  /** Which map the pointer is over, so the tooltip sits on it. */
  mapId: string;
}

/** What is known of the hovered cell: both layers' values, Gi* z and fusion class. */
export function CellTooltip(props: { hover: HoverInfo; offsetX: number; metric: MetricSpec; physical: CellDatum | undefined; human: CellDatum | undefined; fusion: FusionCell | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { physical, human, fusion } = props;
  const rows: Array<[string, string]> = [[t('tooltip.cell'), props.hover.h3]];
  if (physical) rows.push([t('tooltip.value'), `${i18n.number(physical.value)} ${t(unitKey(props.metric))}`], [t('tooltip.readings'), i18n.number(physical.count, 0)]);
  if (human) rows.push([t('tooltip.appeals'), i18n.number(human.count, 0)]);
  if (fusion?.physical) rows.push([t('tooltip.zPhysical'), i18n.number(fusion.physical.z, 2)]);
  if (fusion?.human) rows.push([t('tooltip.zHuman'), i18n.number(fusion.human.z, 2)]);
  if (fusion) rows.push([t('tooltip.class'), t(`fusion.${fusion.class}`)]);
  return (
    <div className="cell-tooltip" data-testid="tooltip" style={{ left: props.hover.x + props.offsetX + 14, top: props.hover.y + 14 }}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <span className="muted">{label}</span> {value}
        </div>
      ))}
    </div>
  );
}
