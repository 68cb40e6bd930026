import { useEffect, useRef } from 'react';
import maplibregl, { type GeoJSONSource, type Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { BoundaryCollection, CityInfo } from '../api/api-types';
import { BOUNDARY_SOURCE_ID, buildOfflineStyle, withBoundaryLayers } from './offline-style';

/** Centre and zoom of a map, as the URL keeps them. */
export interface MapView {
  centre: [lng: number, lat: number];
  zoom: number;
}

export interface CityMapProps {
  /** Names the map in `window.__citytwin.maps` and in tests (`data-map`). */
  id: string;
  city: CityInfo;
  initialView: MapView;
  boundaries: BoundaryCollection | undefined;
  layers: Layer[];
  /** A remote MapLibre style instead of the offline one (a URL, or a style built for a basemap). */
  style: string | StyleSpecification | undefined;
  onMoveEnd(view: MapView): void;
  onMissClick(): void;
  onPointerLeave(): void;
  onCreated(map: MapLibreMap, overlay: MapboxOverlay): void;
  onDestroyed(): void;
  onLoad(): void;
}

function showBoundaries(map: MapLibreMap, boundaries: BoundaryCollection): void {
  map.getSource<GeoJSONSource>(BOUNDARY_SOURCE_ID)?.setData(boundaries as unknown as GeoJSON.FeatureCollection);
}

/** One MapLibre map with a deck.gl overlay drawn interleaved under the area outlines. */
export function CityMap(props: CityMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<{ map: MapLibreMap; overlay: MapboxOverlay; loaded: boolean }>(undefined);
  const propsRef = useRef(props);
  propsRef.current = props;

  useEffect(() => {
    const { city, initialView } = props;
    const map = new maplibregl.Map({
      container: container.current!,
      style: buildOfflineStyle(),
      center: initialView.centre,
      zoom: initialView.zoom,
      maxBounds: [city.bounds[0] - 1, city.bounds[1] - 1, city.bounds[2] + 1, city.bounds[3] + 1],
      // The boundary files' licences ask for their credit wherever the outlines are drawn.
      attributionControl: { compact: true, customAttribution: city.attribution },
      // Export as PNG reads the canvas back.
      canvasContextAttributes: { preserveDrawingBuffer: true },
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
    // A configured basemap replaces the offline one once fetched; our outline layers are kept on top.
    if (props.style) {
      map.setStyle(props.style, { transformStyle: (_previous, next) => withBoundaryLayers(next) });
      // An unreachable basemap must not leave a blank map: fall back to the offline one.
      map.once('error', () => {
        if (!map.isStyleLoaded()) map.setStyle(buildOfflineStyle(propsRef.current.boundaries));
      });
    }
    mapRef.current = { map, overlay, loaded: false };
    map.on('moveend', () => {
      const centre = map.getCenter();
      propsRef.current.onMoveEnd({ centre: [centre.lng, centre.lat], zoom: map.getZoom() });
    });
    map.getCanvas().addEventListener('mouseleave', () => propsRef.current.onPointerLeave());
    map.on('load', () => {
      mapRef.current!.loaded = true;
      if (propsRef.current.boundaries) showBoundaries(map, propsRef.current.boundaries);
      propsRef.current.onLoad();
    });
    // Switching between one and two maps resizes the container, not the window.
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(container.current!);
    propsRef.current.onCreated(map, overlay);
    return () => {
      resize.disconnect();
      propsRef.current.onDestroyed();
      mapRef.current = undefined;
      map.remove();
    };
    // The map is created once per mount; later prop changes go through the effects below.
  }, []);

  useEffect(() => {
    mapRef.current?.overlay.setProps({ layers: props.layers });
  }, [props.layers]);

  useEffect(() => {
    const current = mapRef.current;
    if (current?.loaded && props.boundaries) showBoundaries(current.map, props.boundaries);
  }, [props.boundaries]);

  return <div ref={container} className="map" data-testid="map" data-map={props.id} />;
}
