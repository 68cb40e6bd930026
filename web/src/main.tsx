import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { App } from './app/app';

// Vite serves the worker as a file: no blob: worker, so a strict CSP works too.
setWorkerUrl(workerUrl);

// The wall display is its own page, loaded only on /wall.
const WallApp = lazy(() => import('./wall/wall-app').then((module) => ({ default: module.WallApp })));
const onWall = window.location.pathname.replace(/\/+$/, '') === '/wall';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {onWall ? (
      <Suspense fallback={null}>
        <WallApp />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
