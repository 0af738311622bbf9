import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import type { IncomingMessage } from 'node:http';

/** A Host header fit to echo into a policy (anything else gets no ws: source rather than a forged one). */
const PLAIN_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The live socket's origins: CSP 'self' covers ws:/wss: of this host only in recent browsers, so name them. */
function liveSocketSources(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * The content security policy of the app. Every source is this server: the SPA's module scripts, styles, fonts,
 * the layout worker and the live socket.
 * - script-src 'self': no inline script and no eval anywhere (an injected <script> or onclick= does not run).
 * - style-src 'unsafe-inline': React Flow positions nodes with style="" attributes; styles cannot run code.
 * - img-src data: blob:: exports render the canvas to data: and blob: images (html-to-image).
 * - worker-src blob:: some bundlers hand a worker over as a blob: URL.
 * - frame-ancestors 'none': no site may frame the app (clickjacking), and X-Frame-Options says the same.
 * No upgrade-insecure-requests: a plain-HTTP deployment (localhost, a LAN) would lose its assets.
 */
export const APP_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", (request: IncomingMessage) => liveSocketSources(request)],
  workerSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Security headers on every answer (API, app, assets, /docs): CSP, no sniffing, no framing, no referrer leaks. */
export default fp(
  async (app) => {
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: APP_CSP_DIRECTIVES },
      frameguard: { action: 'deny' },
      // Only same-origin pages may read our answers or embed our resources.
      crossOriginResourcePolicy: { policy: 'same-origin' },
      referrerPolicy: { policy: 'same-origin' },
      // HSTS only means something over HTTPS; browsers ignore it on plain HTTP, so the default is harmless there.
    });
  },
  { name: 'security-headers' },
);
