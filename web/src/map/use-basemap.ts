import { useEffect, useState } from 'react';
import maplibregl, { type StyleSpecification } from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import { fetchJson } from '../api/fetch-json';
import { basemapStyle, type BasemapInfo } from './basemap-style';

let protocolAdded = false;

/** Lets MapLibre read `pmtiles://` URLs with HTTP range requests (once per page). */
function addPmtilesProtocol(): void {
  if (protocolAdded) return;
  maplibregl.addProtocol('pmtiles', new Protocol().tile);
  protocolAdded = true;
}

/**
 * The basemap style the server is configured with, or undefined (offline
 * map); `ready` once known, so the maps start with it. A server without
 * `/api/basemap`, or an unreadable archive, gives the offline map.
 */
export function useBasemap(fallbackUrl: string | undefined): { ready: boolean; style: string | StyleSpecification | undefined } {
  const [state, setState] = useState<{ ready: boolean; style: string | StyleSpecification | undefined }>({ ready: false, style: fallbackUrl });
  useEffect(() => {
    let cancelled = false;
    const done = (style: string | StyleSpecification | undefined) => !cancelled && setState({ ready: true, style });
    fetchJson<BasemapInfo>('/api/basemap').then(async (info) => {
      if (info.kind !== 'pmtiles' || !info.url) return done(basemapStyle(info, window.location.origin) ?? fallbackUrl);
      addPmtilesProtocol();
      const header = await new PMTiles(new URL(info.url, window.location.origin).href).getHeader();
      return done(basemapStyle(info, window.location.origin, header.tileType === TileType.Mvt ? 'vector' : 'raster'));
    }).catch(() => done(fallbackUrl));
    return () => {
      cancelled = true;
    };
  }, [fallbackUrl]);
  return state;
}
