import type { FastifyRequest } from 'fastify';

/**
 * Whether a request was started by a page of another origin, which must not be allowed to write or open a live
 * socket with the visitor's cookie. The rule is the one of Go's `http.CrossOriginProtection`:
 *
 * - `Sec-Fetch-Site` (every current browser sends it, and no page can set it): `same-origin` or `none` (typed
 *   into the address bar) passes; anything else passes only from an origin in `allowedOrigins`.
 * - Without it, `Origin` (browsers send it on every POST and WebSocket handshake, "null" from sandboxed or
 *   privacy-stripped pages) must name this host, or an allowed origin.
 * - Without either, the client is not a browser (curl, scripts, tests): a hostile page cannot make a visitor's
 *   browser send such a request, so there is nothing to forge, and the session or credential still decides.
 */
export function isCrossOrigin(request: FastifyRequest, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = header(request, 'origin');
  if (origin && allowedOrigins.has(origin.toLowerCase())) return false;
  const site = header(request, 'sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  if (!origin) return false;
  return !isSameHost(origin, header(request, 'host'));
}

/** Whether `origin` names the host the request was sent to (default ports count as written or not). */
function isSameHost(origin: string, host: string | undefined): boolean {
  try {
    const from = new URL(origin);
    return !!host && from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false; // "null" and other non-URLs name no host
  }
}

/** Whether the request carries what only browsers send; a hostile page can only ever use a browser. */
export function isFromBrowser(request: FastifyRequest): boolean {
  return header(request, 'origin') !== undefined || header(request, 'sec-fetch-site') !== undefined;
}

/** ALLOWED_ORIGINS as written by an operator: comma-separated origins, e.g. `https://maps.example.org`. */
export function parseAllowedOrigins(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const origin = URL.canParse(entry) ? new URL(entry).origin : 'null';
      if (origin === 'null') throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin like https://maps.example.org`);
      return origin.toLowerCase();
    });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
