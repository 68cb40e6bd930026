import type { MetricCode } from '@citytwin/shared';

/** What one `GET /api/cells` request asks for. */
export type CellsRequest = (
  | { layer: 'physical'; metric: MetricCode; res: number }
  | { layer: 'human'; res: number; category?: string | undefined }
) & { from?: string | undefined; to?: string | undefined; format?: 'columnar' | undefined };

/**
 * Relative URL of the cells endpoint for one layer.
 * @example buildCellsUrl({ layer: 'physical', metric: 'pm25', res: 8 }) // '/api/cells?layer=physical&res=8&metric=pm25'
 * @example buildCellsUrl({ layer: 'human', res: 7, category: 'noise' }) // '/api/cells?layer=human&res=7&category=noise'
 * @example buildCellsUrl({ layer: 'human', res: 7, format: 'columnar' }) // '/api/cells?layer=human&res=7&format=columnar'
 */
export function buildCellsUrl(request: CellsRequest): string {
  const params = new URLSearchParams({ layer: request.layer, res: String(request.res) });
  if (request.layer === 'physical') params.set('metric', request.metric);
  else if (request.category) params.set('category', request.category);
  if (request.from) params.set('from', request.from);
  if (request.to) params.set('to', request.to);
  if (request.format) params.set('format', request.format);
  return `/api/cells?${params.toString()}`;
}
