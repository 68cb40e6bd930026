import type { Role } from './roles';

/**
 * Who may call a route: `public` (anyone, anonymous included; responses may
 * still hide personal data or small counts from anonymous callers), or the
 * roles allowed. Anonymous callers of a role route get 401 (403 under
 * /open311/v2, as GeoReport v2 says), other roles 403.
 */
export type RouteAccess = ({ public: true } | { roles: readonly Role[] }) & {
  note: string;
  /** Registered only under this configuration (so a test app may not have it). */
  onlyWhen?: string;
};

const STAFF = ['admin', 'operator'] as const;
const APPEAL_READERS = ['admin', 'operator', 'planner'] as const;
const PUBLIC = (note: string, onlyWhen?: string): RouteAccess => ({ public: true, note, ...(onlyWhen ? { onlyWhen } : {}) });
const ONLY = (roles: readonly Role[], note: string): RouteAccess => ({ roles, note });

/**
 * The one authorisation table: enforced before validation by
 * {@link installRouteAccess}, rendered in api/docs/security.md and checked route
 * by route and role by role by the authorisation matrix test. Keyed `METHOD /path`
 * as Fastify registers it; a route missing here fails that test.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  'GET /api/health': PUBLIC('liveness and what the store and broker are'),
  'GET /api/health/live': PUBLIC('liveness probe: the process answers'),
  'GET /api/health/ready': PUBLIC('readiness probe: store, migrations, broker, shutting down'),
  'POST /api/areas/import': ONLY(['admin'], 'replace the area polygons of a level'),
  'GET /api/whoami': PUBLIC('the role of the caller\'s key'),
  'GET /api/basemap': PUBLIC('which street basemap the page draws'),
  'GET /basemap/archive.pmtiles': PUBLIC('the local PMTiles basemap, by range request', 'BASEMAP is a .pmtiles file'),
  'GET /tiles/:z/:x/:y': PUBLIC('local vector tiles', 'BASEMAP is a tile directory'),
  'GET /api/city': PUBLIC('the city profile'),
  'GET /api/city/boundaries': PUBLIC('area outlines'),
  'GET /api/cells': PUBLIC('anonymous: appeals at res <= 8 only, cells below k left out'),
  'GET /api/hotspots': PUBLIC('anonymous on the human layer: res <= 8, cells below k left out'),
  'GET /api/fusion': PUBLIC('anonymous: appeal counts below k are null'),
  'GET /api/fusion/placement': PUBLIC('anonymous: picks covering fewer than k appeals left out'),
  'GET /api/fusion/correlation': PUBLIC('appeal/reading correlation over cells, aggregates only'),
  'GET /api/trends/hotspots': PUBLIC('emerging hot spots; anonymous on the human layer: the /api/cells rules'),
  'GET /api/cells/:h3/series': PUBLIC('one cell\'s series; anonymous: appeal counts below k null, none at res > 8'),
  'GET /api/appeals/chronic': PUBLIC('chronic problems per area; anonymous: months below k not ranked'),
  'GET /api/alerts': PUBLIC('early-warning alerts: cells, counts and baselines, no personal data'),
  'POST /api/alerts/recompute': ONLY(['admin'], 're-evaluate alerts over a range of buckets'),
  'GET /api/live': PUBLIC('the live channel (WebSocket); anonymous subscribers get the /api/cells rules'),
  'GET /api/rankings': PUBLIC('anonymous: areas below k left out'),
  'GET /api/appeals/top': PUBLIC('anonymous: categories below k left out'),
  'GET /api/appeals': ONLY(APPEAL_READERS, 'free text, location; contact data for admin and operator only'),
  'GET /api/appeals/:id': ONLY(APPEAL_READERS, 'free text, location, events; contact data for admin and operator only'),
  'POST /api/appeals': ONLY(STAFF, 'create an appeal (with contact data)'),
  'POST /api/appeals/import': ONLY(STAFF, 'bulk import'),
  'POST /api/appeals/:id/events': ONLY(STAFF, 'move an appeal through the workflow'),
  'GET /api/sensors': PUBLIC('registered sensors and where they stand'),
  'POST /api/sensors': ONLY(['operator', 'admin'], 'register sensors'),
  'GET /api/sensors/health': PUBLIC('fleet health counts'),
  'GET /api/ingest/dead-letters': ONLY(['operator', 'admin'], 'refused MQTT payloads (raw bytes)'),
  'GET /metrics': PUBLIC('Prometheus counters, no personal data'),
  'GET /open311/v2/services.json': PUBLIC('GeoReport v2 service list'),
  'GET /open311/v2/services/:file': PUBLIC('GeoReport v2 service definition'),
  'POST /open311/v2/requests.json': ONLY(['open311', 'operator', 'admin'], 'post a service request'),
  'GET /open311/v2/requests.json': PUBLIC('anonymous: no text, no point, no contact'),
  'GET /open311/v2/requests/:file': PUBLIC('anonymous: no text, no point, no contact'),
  'GET /api/openapi.json': PUBLIC('this API described in OpenAPI 3'),
  'GET /api/reference': PUBLIC('the browsable API reference'),
};

/** `METHOD /path`, the key of {@link ROUTE_ACCESS}. */
export function routeKey(method: string, url: string): string {
  return `${method} ${url}`;
}

/** The status an anonymous caller gets from a role route. */
export function anonymousRefusal(url: string): 401 | 403 {
  return url.startsWith('/open311/') ? 403 : 401;
}

/** One line saying who may call a route, for the OpenAPI document and the docs. */
export function accessSummary(access: RouteAccess): string {
  return 'public' in access ? `public: ${access.note}` : `${access.roles.join(', ')}: ${access.note}`;
}
