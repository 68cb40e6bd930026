import { Type } from 'typebox';
import { findAppealCategory } from '@citytwin/shared';
import { findHumanCells, findPhysicalCells } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { HttpError, badParameter } from '../../app/http-error';
import { CellsColumnarResponse, CellsQuery, CellsResponse } from './cells-schema';
import { toColumnar } from './cells-columnar';
import { resolveWindow } from './cells-window';

/** Finest resolution at which anonymous callers see appeals (privacy). */
export const ANONYMOUS_MAX_HUMAN_RES = 8;
/** Anonymous callers never see a cell with fewer appeals than this. */
export const DEFAULT_MIN_APPEALS_PER_CELL = 3;

/**
 * `GET /api/cells`: one layer as H3 cells. Physical: mean of a metric's
 * readings per cell. Human: number of appeals per cell; anonymous callers get
 * res <= 8 and no cell with fewer than 3 appeals. `format=columnar` gives the
 * same cells as parallel arrays (the planner page's form for 100k cells).
 */
export function registerCellsRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/cells', { schema: { querystring: CellsQuery, response: { 200: Type.Union([CellsColumnarResponse, CellsResponse]) } } }, async (request) => {
    const query = request.query;
    const { fromMs, toMs } = resolveWindow(query.from, query.to, context.clock());
    const iso = { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
    if (query.res > context.config.baseResolution) {
      throw new HttpError(400, 'CT_ERR_RESOLUTION_TOO_FINE', `res: ${query.res} is finer than the stored base resolution ${context.config.baseResolution}`, 'res');
    }
    if (query.layer === 'physical') {
      if (!query.metric) throw badParameter('metric', 'is required for layer=physical');
      const cells = await findPhysicalCells(context.readDb, query.metric, { res: query.res, fromMs, toMs });
      const body = { layer: query.layer, res: query.res, metric: query.metric, ...iso, cells };
      return query.format === 'columnar' ? toColumnar(body) : body;
    }
    if (query.category !== undefined && !findAppealCategory(query.category)) {
      throw badParameter('category', `"${query.category}" is not an appeal category code`);
    }
    const anonymous = request.caller === 'anonymous';
    const res = anonymous ? Math.min(query.res, ANONYMOUS_MAX_HUMAN_RES) : query.res;
    const found = await findHumanCells(context.readDb, { res, fromMs, toMs }, {
      ...(query.category ? { category: query.category } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
    const minCount = anonymous ? (context.config.privacyMinAppeals ?? DEFAULT_MIN_APPEALS_PER_CELL) : 1;
    const cells = found.filter((cell) => cell.count >= minCount);
    const body = {
      layer: query.layer, res, ...iso, cells,
      ...(query.category ? { category: query.category } : {}),
      ...(anonymous ? { suppressedBelow: minCount } : {}),
    };
    return query.format === 'columnar' ? toColumnar(body) : body;
  });
}
