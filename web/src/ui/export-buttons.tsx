import type { PlannerContext } from '../app/planner';
import type { ViewState } from '../app/view-state';
import { downloadBlob, mapsPng } from '../export/download';
import { viewCsv, viewGeoJson, viewRows } from '../export/view-rows';
import { useI18n } from '../i18n/i18n-context';

/** Export of the current view: its cells as CSV and GeoJSON (values and classes), the maps as PNG. */
export function ExportButtons(props: { context: PlannerContext; view: ViewState; cityCode: string }) {
  const { t } = useI18n();
  const { context, view } = props;
  const rows = () => viewRows(
    view.mode === 'fusion' ? [] : context.data.live.physical.cells,
    view.mode === 'fusion' ? [] : context.data.live.human.cells,
    context.data.fusion.data?.cells ?? [],
  );
  const stem = `citytwin-${props.cityCode}-${view.mode}-${view.metric}-${new Date(context.fromMs).toISOString().slice(0, 16)}`.replace(/:/g, '');
  return (
    <div className="export-buttons" data-testid="export">
      <span className="muted">{t('export.label')}</span>
      <button type="button" data-testid="export-csv" onClick={() => downloadBlob(new Blob([viewCsv(rows(), view.metric)], { type: 'text/csv' }), `${stem}.csv`)}>CSV</button>
      <button type="button" data-testid="export-geojson" onClick={() => {
        const meta = { metric: view.metric, category: view.category ?? '', from: new Date(context.fromMs).toISOString(), to: new Date(context.toMs).toISOString(), res: context.data.res };
        downloadBlob(new Blob([JSON.stringify(viewGeoJson(rows(), meta))], { type: 'application/geo+json' }), `${stem}.geojson`);
      }}>GeoJSON</button>
      <button type="button" data-testid="export-png" onClick={() => void mapsPng(context.mapCanvases()).then((blob) => downloadBlob(blob, `${stem}.png`))}>PNG</button>
    </div>
  );
}
