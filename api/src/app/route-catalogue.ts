import type { FastifyTypeBox } from './fastify-typebox';

/** A registered route: its methods and its full path as Fastify matches it (`/api/appeals/:id`). */
export interface CatalogueRoute {
  methods: string[];
  url: string;
  /** A WebSocket route (`@fastify/websocket`). */
  websocket: boolean;
  /** Left out of the OpenAPI document on purpose (the reference page's own files, the web app's files). */
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered on the app, in order, for the OpenAPI, authorisation and fuzz tests. */
    routeCatalogue: readonly CatalogueRoute[];
  }
}

/** Starts recording routes; call before anything registers one. */
export function installRouteCatalogue(app: FastifyTypeBox): void {
  const routes: CatalogueRoute[] = [];
  app.decorate('routeCatalogue', routes);
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean } | undefined;
    routes.push({
      methods: Array.isArray(route.method) ? [...route.method] : [route.method],
      url: route.url,
      websocket: Boolean((route as { websocket?: boolean }).websocket),
      hidden: Boolean(schema?.hide),
    });
  });
}
