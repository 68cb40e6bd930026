/**
 * The Content-Security-Policy every response carries: the minimum the map page
 * needs, measured in Chromium (the end-to-end test fails on any violation the
 * page logs). The web app loads MapLibre's CSP worker build from its own
 * origin, so no `blob:` workers and no `unsafe-eval`; MapLibre's control icons
 * and the favicon are `data:` images; React and MapLibre set styles through
 * the CSSOM, which `style-src 'self'` allows (only style attributes in markup
 * and inline `<style>` would need `'unsafe-inline'`). `connect-src 'self'`
 * also covers the same-origin WebSocket.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'worker-src': ["'self'"],
  'child-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The policy with a remote basemap's origin allowed for fetches and images
 * (`BASEMAP=https://...`): MapLibre fetches the style or PMTiles archive and
 * its tiles from there. A remote style that names further hosts (glyphs,
 * sprites) needs those hosts too; a local basemap needs nothing added.
 */
export function contentSecurityPolicyFor(remoteBasemapUrl: string | undefined): Record<string, string[]> {
  const directives = Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([name, sources]) => [name, [...sources]]));
  if (remoteBasemapUrl) {
    const origin = new URL(remoteBasemapUrl).origin;
    directives['connect-src']!.push(origin);
    directives['img-src']!.push(origin);
  }
  return directives;
}
