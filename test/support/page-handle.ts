import type { Page } from 'playwright-core';
import type { Rect } from './screenshot-pixels';

/** The parts of the page's `window.__citytwin` that tests use (test code has no DOM types). */
export interface PageHandle {
  map: { project(lngLat: [number, number]): { x: number; y: number } };
  overlay: {
    pickObject(options: { x: number; y: number; radius?: number; layerIds?: string[] }): { object?: { h3: string }; index: number; layer?: { id: string; props: { data: { cells?: readonly string[] } } } } | null;
  };
  ready: boolean;
  cellCounts: { physical: number; human: number };
  layersShown: { physical: boolean; human: boolean };
  whenIdle(): Promise<void>;
}

interface PageGlobals {
  __citytwin?: PageHandle;
  document: { querySelectorAll(selector: string): ArrayLike<{ getBoundingClientRect(): Rect }> };
}

/** Waits until the page reports both layers loaded and drawn, then for the map's `idle`. */
export async function waitForMapIdle(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__citytwin?.ready === true, null, { timeout: timeoutMs });
  await page.evaluate(() => (globalThis as unknown as PageGlobals).__citytwin!.whenIdle());
}

/** Screen position (CSS px, relative to the map) of a point, via the page's map. */
export async function projectOnPage(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((point) => (globalThis as unknown as PageGlobals).__citytwin!.map.project(point), lngLat);
}

/** deck.gl pick at a screen position, optionally restricted to some layers. */
export async function pickOnPage(page: Page, x: number, y: number, layerIds?: string[]): Promise<{ h3: string; layerId: string } | null> {
  return page.evaluate(({ x, y, layerIds }) => {
    const info = (globalThis as unknown as PageGlobals).__citytwin!.overlay.pickObject({ x, y, radius: 0, ...(layerIds ? { layerIds } : {}) });
    // Layers drawn from binary attributes pick a row index; their data names each row's cell.
    const h3 = info?.object?.h3 ?? (info && info.index >= 0 ? info.layer?.props.data.cells?.[info.index] : undefined);
    return h3 ? { h3, layerId: info?.layer?.id ?? '' } : null;
  }, { x, y, layerIds });
}

/** Rectangles of the panels and map controls drawn over the map. */
export async function overlayRects(page: Page): Promise<Rect[]> {
  return page.evaluate(() => {
    const elements = (globalThis as unknown as PageGlobals).document.querySelectorAll('.panel, .status-line, .maplibregl-ctrl');
    return Array.from(elements, (element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    });
  });
}

/** Sets one layer toggle through the UI and waits until deck.gl drew the change. */
export async function setLayerShown(page: Page, layer: 'physical' | 'human', shown: boolean): Promise<void> {
  await page.locator(`[data-testid=toggle-${layer}]`).setChecked(shown);
  await page.waitForFunction(
    ({ layer, shown }) => (globalThis as unknown as PageGlobals).__citytwin?.layersShown[layer] === shown,
    { layer, shown },
  );
  await page.evaluate(() => (globalThis as unknown as PageGlobals).__citytwin!.whenIdle());
}
