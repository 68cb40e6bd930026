import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { findAppealCategory, isInsideBBox, topCategoryOf } from '@citytwin/shared';
import { findAppeal, insertAppeal, listAppeals, type AppealFilter } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { announceAppeals } from '../appeals/announce-appeals';
import { appealEnricher } from '../appeals/appeal-enrichment';
import { Open311Error, installOpen311ErrorHandler } from './open311-errors';
import { open311ServiceDefinition, open311Services } from './open311-services';
import { statusesOfOpen311, toOpen311Request } from './open311-request-view';
import { Open311Created, Open311RequestList, Open311ServiceDefinition, Open311ServiceList } from './open311-schema';

const DAY_MS = 86_400_000;
const MAX_SPAN_MS = 90 * DAY_MS;
const DEFAULT_LIMIT = 1000;
const Loose = Type.Object({}, { additionalProperties: true });
type Fields = Record<string, unknown>;

function str(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null || String(value).trim() === '') return undefined;
  return String(value).trim();
}

function jsonFile(name: string): string {
  if (!name.endsWith('.json')) throw new Open311Error(404, `only the JSON format is served: ask for ${name.replace(/\.[a-z]+$/, '')}.json`);
  return name.slice(0, -'.json'.length);
}

/** The category of a POST: the service code, refined by a `subcategory` attribute within it. */
function categoryOf(fields: Fields): string {
  const code = str(fields, 'service_code');
  if (!code) throw new Open311Error(400, 'service_code was not provided');
  if (!findAppealCategory(code)) throw new Open311Error(400, `service_code ${code} is not a service`);
  const attributes = (typeof fields['attribute'] === 'object' && fields['attribute'] !== null ? fields['attribute'] : {}) as Fields;
  const sub = str(attributes, 'subcategory') ?? str(fields, 'attribute[subcategory]');
  if (sub && findAppealCategory(sub) && topCategoryOf(sub) === code) return sub;
  return code;
}

function pointOf(context: AppContext, fields: Fields): { lat: number | null; lng: number | null; address: string | null } {
  const address = str(fields, 'address_string') ?? null;
  const latText = str(fields, 'lat');
  const lngText = str(fields, 'long');
  if (latText === undefined && lngText === undefined) {
    if (!address) throw new Open311Error(400, 'a location is required: lat and long, or address_string');
    return { lat: null, lng: null, address };
  }
  const lat = Number(latText);
  const lng = Number(lngText);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) throw new Open311Error(400, 'lat and long must both be numbers');
  if (!isInsideBBox(context.config.city.bounds, lng, lat)) throw new Open311Error(400, `lat/long ${lat},${lng} is outside ${context.config.city.nameEn}`);
  return { lat, lng, address };
}

function filterOf(query: Fields, nowMs: number): AppealFilter {
  const ids = str(query, 'service_request_id')?.split(',').map((id) => id.trim()).filter(Boolean);
  const end = str(query, 'end_date');
  const start = str(query, 'start_date');
  const toMs = end ? Date.parse(end) : nowMs;
  const fromMs = start ? Date.parse(start) : toMs - MAX_SPAN_MS;
  if (Number.isNaN(toMs) || Number.isNaN(fromMs)) throw new Open311Error(400, 'start_date and end_date must be ISO 8601 date-times');
  if (toMs - fromMs > MAX_SPAN_MS) throw new Open311Error(400, 'start_date and end_date may be at most 90 days apart');
  const status = str(query, 'status')?.split(',').map((part) => part.trim());
  if (status?.some((part) => part !== 'open' && part !== 'closed')) throw new Open311Error(400, 'status must be open or closed');
  const code = str(query, 'service_code');
  if (code && !findAppealCategory(code)) throw new Open311Error(400, `service_code ${code} is not a service`);
  return {
    ...(ids?.length ? { ids } : { fromMs, toMs: toMs + 1 }),
    ...(code ? { category: code } : {}),
    ...(status?.length === 1 ? { statuses: statusesOfOpen311(status[0] as 'open' | 'closed') } : {}),
    limit: DEFAULT_LIMIT,
  };
}

/**
 * Open311 GeoReport v2 (JSON) at /open311/v2: services, service definitions,
 * posting requests (api_key of role open311, operator or admin: see ROUTE_ACCESS) and reading them.
 */
export async function registerOpen311Routes(app: FastifyTypeBox, context: AppContext): Promise<void> {
  await app.register(async (scope: FastifyTypeBox) => {
    installOpen311ErrorHandler(scope);
    const enrich = appealEnricher(context);
    scope.get('/services.json', { schema: { response: { 200: Open311ServiceList } } }, async () => open311Services());
    scope.get('/services/:file', { schema: { params: Type.Object({ file: Type.String() }), response: { 200: Open311ServiceDefinition } } }, async (request) => {
      const definition = open311ServiceDefinition(jsonFile(request.params.file));
      if (!definition) throw new Open311Error(404, `service_code ${request.params.file.replace(/\.json$/, '')} is not a service`);
      return definition;
    });
    scope.post('/requests.json', { schema: { body: Type.Optional(Loose), querystring: Loose, response: { 200: Open311Created } } }, async (request) => {
      const fields: Fields = { ...(request.query as Fields), ...((request.body as Fields | undefined) ?? {}) };
      const category = categoryOf(fields);
      const point = pointOf(context, fields);
      const receivedAtMs = context.clock();
      const name = [str(fields, 'first_name'), str(fields, 'last_name')].filter(Boolean).join(' ') || null;
      const contact = { name, phone: str(fields, 'phone') ?? null, email: str(fields, 'email') ?? null };
      const id = randomUUID();
      const located = { category, lat: point.lat, lng: point.lng, receivedAtMs };
      await insertAppeal(context.store.db, {
        id, channel: 'open311', description: str(fields, 'description') ?? null, ...point, ...located, ...(await enrich)(located),
        contact: contact.name || contact.phone || contact.email ? contact : null,
      }, request.caller);
      request.log.info({ appealId: id, category }, 'open311 request received');
      await announceAppeals(context.store.db, request.log, 'received', [{ category, atMs: receivedAtMs }]);
      return [{ service_request_id: id, service_notice: null, account_id: null }];
    });
    scope.get('/requests.json', { schema: { querystring: Loose, response: { 200: Open311RequestList } } }, async (request) => {
      const { appeals } = await listAppeals(context.store.db, filterOf(request.query as Fields, context.clock()));
      const audience = request.caller === 'anonymous' ? 'public' : 'client';
      return appeals.map((appeal) => toOpen311Request(appeal, audience));
    });
    scope.get('/requests/:file', { schema: { params: Type.Object({ file: Type.String() }), response: { 200: Open311RequestList } } }, async (request) => {
      const id = jsonFile(request.params.file);
      const appeal = await findAppeal(context.store.db, id);
      if (!appeal) throw new Open311Error(404, `service_request_id ${id} was not found`);
      return [toOpen311Request(appeal, request.caller === 'anonymous' ? 'public' : 'client')];
    });
  }, { prefix: '/open311/v2' });
}
