import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app';
import { routeRequests } from '../testing/route-requests';
import { REFERENCE_PREFIX } from './api-reference';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { summary?: string; security?: unknown[] }>>;
}

/** Routes that are not API operations: the document itself and the reference page's own files. */
function isDocumentationRoute(url: string): boolean {
  return url === '/api/openapi.json' || url === REFERENCE_PREFIX || url.startsWith(`${REFERENCE_PREFIX}/`);
}

describe('OpenAPI document and reference page', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    t = await openTestApp();
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(async () => t.close());

  it('is OpenAPI 3 and lists every registered route with its method', () => {
    expect(document.openapi).toMatch(/^3\./);
    // A WebSocket route (the live channel) is not an OpenAPI 3 operation; api/docs/live.md describes it.
    const missing = routeRequests(t.app.routeCatalogue)
      .filter((request) => !request.websocket)
      .filter((request) => !document.paths[request.route.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[request.method.toLowerCase()])
      .map((request) => request.key);
    expect(missing).toEqual([]);
    const operations = Object.values(document.paths).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
    console.log(`OpenAPI document: ${Object.keys(document.paths).length} paths, ${operations} operations`);
  });

  it('hides no route except the documentation itself', () => {
    const hidden = t.app.routeCatalogue.filter((route) => route.hidden && !isDocumentationRoute(route.url)).map((route) => route.url);
    expect(hidden).toEqual([]);
  });

  it('says who may call each operation and marks the keyed ones', () => {
    expect(document.paths['/api/appeals']?.['post']?.summary).toMatch(/^admin, operator:/);
    expect(document.paths['/api/appeals']?.['post']?.security).toEqual([{ apiKey: [] }]);
    expect(document.paths['/api/cells']?.['get']?.summary).toMatch(/^public:/);
  });

  it('serves the reference page and its scripts from this server, nothing from a CDN', async () => {
    const page = await t.app.inject({ url: REFERENCE_PREFIX });
    expect(page.statusCode).toBe(200);
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).not.toMatch(/^(https?:)?\/\//);
    const initializer = await t.app.inject({ url: `${REFERENCE_PREFIX}/static/swagger-initializer.js` });
    expect(initializer.body).toContain('/api/openapi.json');
    expect((await t.app.inject({ url: `${REFERENCE_PREFIX}/static/swagger-ui-bundle.js` })).statusCode).toBe(200);
  });
});
