import { lazy, Suspense } from 'react';
import { METRICS } from '@citytwin/shared';
import type { CityInfo } from '../api/api-types';
import type { Session } from '../auth/use-session';
import { SidePanels } from '../panels/side-panels';
import { ExportButtons } from '../ui/export-buttons';
import { SignIn } from '../ui/sign-in';
import type { PlannerContext } from './planner';
import type { ViewState } from './view-state';

// The drawer brings uPlot: loaded when a cell is first opened, not with the map.
const CellDrawer = lazy(() => import('../drawer/cell-drawer').then((module) => ({ default: module.CellDrawer })));

export interface PlannerExtrasProps {
  context: PlannerContext;
  city: CityInfo;
  view: ViewState;
  session: Session;
  onChange(change: Partial<ViewState>): void;
}

/** Everything around the maps that reads the time shown: sign-in, panels and the cell drawer. */
export function PlannerExtras(props: PlannerExtrasProps) {
  const { context, city, view, onChange } = props;
  const metric = city.metrics.find((spec) => spec.code === view.metric) ?? METRICS[view.metric];
  const known = view.cell ? context.lookup(view.cell) : undefined;
  return (
    <>
      <div className="account panel">
        <SignIn session={props.session} />
        <ExportButtons context={context} view={view} cityCode={city.code} />
      </div>
      <SidePanels
        city={city} panel={view.panel} metric={metric} category={view.category} res={context.data.res} fromMs={context.fromMs} toMs={context.toMs}
        onPanel={(panel) => onChange({ panel })}
        onOpenCell={(h3, lngLat) => {
          context.flyTo(lngLat);
          onChange({ cell: h3 });
        }}
      />
      {view.cell && known && (
        <Suspense fallback={null}>
          <CellDrawer
            key={view.cell} h3={view.cell} city={city} metric={metric} category={view.category} fromMs={context.fromMs} toMs={context.toMs}
            physical={known.physical} human={known.human} fusion={known.fusion} role={props.session.role} onClose={() => onChange({ cell: undefined })}
          />
        </Suspense>
      )}
    </>
  );
}
