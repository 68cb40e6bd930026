import type { CatalogueRoute } from '../app/route-catalogue';

/** One method of one registered route, with its path parameters filled in. */
export interface RouteRequest {
  method: string;
  /** The route as registered, `/api/appeals/:id`. */
  route: string;
  /** `METHOD /route`, the key of the authorisation table. */
  key: string;
  /** A concrete URL for it. */
  url: string;
  websocket: boolean;
}

/** Fills `:param` and `*` segments; `value` picks what goes in each. */
export function fillRoute(route: string, value: (name: string) => string = () => 'sample'): string {
  return route.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => encodeSegment(value(name))).replace(/\*$/, 'index.html');
}

function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/**
 * Every method of every route the app registered (HEAD routes Fastify adds for
 * GET left out: they run the GET handler), in registration order.
 */
export function routeRequests(catalogue: readonly CatalogueRoute[], options: { includeHidden?: boolean } = {}): RouteRequest[] {
  const requests: RouteRequest[] = [];
  for (const route of catalogue) {
    if (route.hidden && !options.includeHidden) continue;
    for (const method of route.methods) {
      if (method === 'HEAD' && route.methods.length === 1 && catalogue.some((other) => other.url === route.url && other.methods.includes('GET'))) continue;
      if (method === 'HEAD' && route.methods.includes('GET')) continue;
      if (requests.some((known) => known.key === `${method} ${route.url}`)) continue;
      requests.push({ method, route: route.url, key: `${method} ${route.url}`, url: fillRoute(route.url), websocket: route.websocket });
    }
  }
  return requests;
}
