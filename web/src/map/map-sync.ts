import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Keeps maps on the same view: whenever one moves (pan, zoom, fly), the others
 * jump to its centre, zoom, bearing and pitch. The jumps a link makes do not
 * echo back (a guard), so the maps never chase each other.
 * @returns a function that unlinks them
 */
export function linkMaps(maps: readonly MapLibreMap[]): () => void {
  let syncing = false;
  const handlers = maps.map((source) => {
    const handler = () => {
      if (syncing) return;
      syncing = true;
      try {
        const view = { center: source.getCenter(), zoom: source.getZoom(), bearing: source.getBearing(), pitch: source.getPitch() };
        for (const target of maps) if (target !== source) target.jumpTo(view);
      } finally {
        syncing = false;
      }
    };
    source.on('move', handler);
    return handler;
  });
  return () => maps.forEach((map, index) => map.off('move', handlers[index]!));
}
