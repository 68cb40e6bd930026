/** Gi* of one cell of one layer, as `/api/hotspots` and `/api/fusion` give it. */
export interface CellHotspot {
  value: number;
  z: number;
  p: number;
  class: 'hot' | 'cold' | 'none';
  confidence: number | null;
}

/** One cell of `GET /api/fusion`. */
export interface FusionCell {
  h3: string;
  class: 'confirmed' | 'blind_spot' | 'silent_risk' | 'none';
  covered: boolean;
  physical: CellHotspot | null;
  human: CellHotspot | null;
}

export interface FusionResponse {
  metric: string;
  category: string;
  res: number;
  from: string;
  to: string;
  confidence: number;
  cells: FusionCell[];
  summary: { confirmed: number; blind_spot: number; silent_risk: number; covered: number; cells: number };
}

/** `GET /api/fusion/placement`. */
export interface PlacementResponse {
  metric: string;
  category: string;
  picks: Array<{ h3: string; covers: number; cumulative: number }>;
  uncoveredBefore: number;
  uncoveredAfter: number;
}

/** `GET /api/hotspots`. */
export interface HotspotsResponse {
  layer: 'physical' | 'human';
  res: number;
  n: number;
  cells: Array<CellHotspot & { h3: string }>;
}

/** One alert of `GET /api/alerts` (trends issue contract). */
export interface AlertItem {
  id: string | number;
  layer: 'physical' | 'human';
  metric?: string;
  category?: string;
  h3: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  peak: { value: number; z: number; at: string };
  baseline: { median: number; mad: number };
}

export interface AlertsResponse {
  alerts: AlertItem[];
}

/** `GET /api/rankings` row (the three rates). */
export interface RankingRow {
  rank: number | null;
  area: string;
  received: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  score: number | null;
  previousRank: number | null;
  rankChange: number | null;
  scoreChange: number | null;
}

export interface RankingsResponse {
  level: string;
  month: string;
  previousMonth: string;
  rows: RankingRow[];
}

/** `GET /api/trends/hotspots` (trends issue contract): the emerging-hot-spot pattern per cell. */
export interface TrendsHotspotsResponse {
  cells: Array<{ h3: string; pattern: string; trend: { z: number; p: number } }>;
}
