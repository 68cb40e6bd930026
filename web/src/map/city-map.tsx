import { useEffect, useRef } from 'react';
import maplibregl, { type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { BoundaryCollection, CityInfo } from '../api/api-types';
import { publishHandle, type CityTwinHandle } from '../app/citytwin-handle';
import { BOUNDARY_SOURCE_ID, buildOfflineStyle, withBoundaryLayers } from './offline-style';

export interface CityMapProps {
  city: CityInfo;
  zoom: number;
  centre: [lng: number, lat: number];
  boundaries: BoundaryCollection | undefined;
  layers: Layer[];
  /** A remote MapLibre style instead of the offline one (build-time VITE_BASEMAP_STYLE_URL). */
  styleUrl: string | undefined;
  onZoomEnd(zoom: number): void;
  onMissClick(): void;
  onHandle(handle: CityTwinHandle): void;
  onLoad(): void;
}

function showBoundaries(map: MapLibreMap, boundaries: BoundaryCollection): void {
  map.getSource<GeoJSONSource>(BOUNDARY_SOURCE_ID)?.setData(boundaries as unknown as GeoJSON.FeatureCollection);
}

/** The MapLibre map with the deck.gl overlay drawn interleaved under the area outlines. */
export function CityMap(props: CityMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<{ map: MapLibreMap; overlay: MapboxOverlay; loaded: boolean }>(undefined);
  const propsRef = useRef(props);
  propsRef.current = props;

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: buildOfflineStyle(),
      center: props.centre,
      zoom: props.zoom,
      maxBounds: [props.city.bounds[0] - 1, props.city.bounds[1] - 1, props.city.bounds[2] + 1, props.city.bounds[3] + 1],
      // The boundary files' licences ask for their credit wherever the outlines are drawn.
      attributionControl: { compact: true, customAttribution: props.city.attribution },
    });
    const overlay = new MapboxOverlay({
      interleaved: true,
      layers: propsRef.current.layers,
      onClick: (info: PickingInfo) => {
        if (!info.object) propsRef.current.onMissClick();
      },
    });
    map.addControl(overlay);
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
    // A remote basemap replaces the offline one once fetched; our outline layers are kept on top.
    if (props.styleUrl) {
      map.setStyle(props.styleUrl, { transformStyle: (_previous, next) => withBoundaryLayers(next) });
      // An unreachable remote style must not leave a blank map: fall back to the offline one.
      map.once('error', () => {
        if (!map.isStyleLoaded()) map.setStyle(buildOfflineStyle(propsRef.current.boundaries));
      });
    }
    mapRef.current = { map, overlay, loaded: false };
    map.on('moveend', () => propsRef.current.onZoomEnd(map.getZoom()));
    map.on('load', () => {
      mapRef.current!.loaded = true;
      if (propsRef.current.boundaries) showBoundaries(map, propsRef.current.boundaries);
      propsRef.current.onLoad();
    });
    propsRef.current.onHandle(publishHandle(map, overlay));
    return () => {
      mapRef.current = undefined;
      map.remove();
    };
    // The map is created once per page; later prop changes go through the effects below.
  }, []);

  useEffect(() => {
    mapRef.current?.overlay.setProps({ layers: props.layers });
  }, [props.layers]);

  useEffect(() => {
    const current = mapRef.current;
    if (current?.loaded && props.boundaries) showBoundaries(current.map, props.boundaries);
  }, [props.boundaries]);

  return <div ref={container} className="map" data-testid="map" />;
}
