import type { Page } from 'playwright-core';

/** The parts of `window.__citytwin` the planner tests read (test code has no DOM types). */
export interface PlannerHandle {
  ready: boolean;
  mode: string;
  lang: string;
  drawer: string | null;
  time: { from: string; to: string; playing: boolean; at: string | null };
  maps: Record<string, {
    layerIds: string[];
    cellCounts: Record<string, number>;
    ready: boolean;
    map: { getCenter(): { lng: number; lat: number }; getZoom(): number; project(lngLat: [number, number]): { x: number; y: number }; getContainer(): { getBoundingClientRect(): { left: number; top: number } } };
  }>;
  whenIdle(): Promise<void>;
}

type Globals = { __citytwin?: PlannerHandle };

/** Waits until every map of the page's mode has loaded and drawn its first data, then for idle. */
export async function waitForPlannerReady(page: Page, mode: string, timeoutMs: number): Promise<void> {
  await page.waitForFunction((wanted) => {
    const handle = (globalThis as unknown as Globals).__citytwin;
    return handle?.ready === true && handle.mode === wanted;
  }, mode, { timeout: timeoutMs });
  await page.evaluate(() => (globalThis as unknown as Globals).__citytwin!.whenIdle());
}

/** The handle's plain fields (maps without their map objects). */
export async function readHandle(page: Page): Promise<Omit<PlannerHandle, 'maps' | 'whenIdle'> & { maps: Record<string, { layerIds: string[]; cellCounts: Record<string, number>; centre: [number, number]; zoom: number }> }> {
  return page.evaluate(() => {
    const handle = (globalThis as unknown as Globals).__citytwin!;
    const maps = Object.fromEntries(Object.entries(handle.maps).map(([id, entry]) => {
      const centre = entry.map.getCenter();
      return [id, { layerIds: entry.layerIds, cellCounts: entry.cellCounts, centre: [centre.lng, centre.lat] as [number, number], zoom: entry.map.getZoom() }];
    }));
    return { ready: handle.ready, mode: handle.mode, lang: handle.lang, drawer: handle.drawer, time: handle.time, maps };
  });
}

/** Page position (CSS px from the page's top left) of a point on one of the maps. */
export async function pagePoint(page: Page, mapId: string, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate(({ mapId, lngLat }) => {
    const entry = (globalThis as unknown as Globals).__citytwin!.maps[mapId]!;
    const point = entry.map.project(lngLat);
    const box = entry.map.getContainer().getBoundingClientRect();
    return { x: point.x + box.left, y: point.y + box.top };
  }, { mapId, lngLat });
}
