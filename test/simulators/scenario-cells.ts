import type { GroundTruth } from '@citytwin/simulators';

/** One cell of a `/api/cells` answer. */
export interface CellRow {
  h3: string;
  value: number;
  count: number;
}

/** Counts and mean value of the cells inside vs outside an incident's cells. */
export interface InsideOutside {
  insideCount: number;
  outsideCount: number;
  insideMean: number | null;
  outsideMean: number | null;
  outsideCells: number;
}

/** Splits `/api/cells` rows by an incident's cells; means are count-weighted. */
export function splitByIncident(cells: readonly CellRow[], incidentCells: readonly string[]): InsideOutside {
  const inside = new Set(incidentCells);
  const sums = { insideCount: 0, outsideCount: 0, insideTotal: 0, outsideTotal: 0, outsideCells: 0 };
  for (const cell of cells) {
    if (inside.has(cell.h3)) {
      sums.insideCount += cell.count;
      sums.insideTotal += cell.value * cell.count;
    } else {
      sums.outsideCount += cell.count;
      sums.outsideTotal += cell.value * cell.count;
      sums.outsideCells += 1;
    }
  }
  return {
    insideCount: sums.insideCount,
    outsideCount: sums.outsideCount,
    insideMean: sums.insideCount ? sums.insideTotal / sums.insideCount : null,
    outsideMean: sums.outsideCount ? sums.outsideTotal / sums.outsideCount : null,
    outsideCells: sums.outsideCells,
  };
}

/** `/api/cells` query of one incident's window. */
export function windowQuery(incident: GroundTruth['incidents'][number]): string {
  return `res=9&from=${encodeURIComponent(incident.from)}&to=${encodeURIComponent(incident.to)}`;
}
