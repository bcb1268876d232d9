import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

// The little of Express's request and response the fallback uses (Express ships no types here).
interface PageRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: { readonly accept?: string };
}
interface PageResponse {
  setHeader(name: string, value: string): void;
  sendFile(path: string): void;
}

/** Where the build puts the dashboard: dist/apps/council-web, beside this app's dist/apps/council-api. */
export const WEB_APP_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../council-web');

/** Paths the dashboard's page fallback never answers: the API's own routes keep their answers (and 404s). */
const API_PATHS = /^\/(graphql|health|metrics|auth)(\/|$)/;

export interface WebAppOptions {
  /** Where the built dashboard is (default: beside this app's build). */
  readonly dir?: string;
  /**
   * In production the page and its files carry their own content security policy: scripts,
   * styles and requests only from this origin, plus these origins for requests (the OIDC
   * provider the page talks to). Undefined: no policy (development, where Vite's and
   * GraphiQL's ways need none to get in the way).
   */
  readonly contentSecurityPolicy?: { readonly connectTo: readonly string[] };
}

/**
 * Serves the council's dashboard at `/`: its built files, and index.html for any other
 * GET that asks for a page (the app routes in the browser). Returns false when the
 * dashboard was not built. These handlers run before the API's own middleware (helmet
 * with `default-src 'none'`, which would forbid the page everything), so the page gets
 * its security headers here.
 */
export function serveWebApp(app: NestExpressApplication, options: WebAppOptions = {}): boolean {
  const dir = options.dir ?? WEB_APP_DIR;
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const csp = options.contentSecurityPolicy;
  const headers = helmet({
      contentSecurityPolicy: csp
        ? {
            useDefaults: true,
            directives: {
              // No inline script anywhere; inline styles stay allowed (ECharts writes its tooltips' HTML with style attributes).
              scriptSrc: ["'self'"],
              styleSrc: ["'self'", "'unsafe-inline'"],
              imgSrc: ["'self'", 'data:'],
              connectSrc: ["'self'", ...csp.connectTo],
              frameAncestors: ["'none'"],
              formAction: ["'self'"],
              // The platform may be served over plain http inside a council network; TLS is the proxy's job.
              upgradeInsecureRequests: null,
            },
          }
        : false,
    crossOriginEmbedderPolicy: false,
  });
  app.use((req: PageRequest, res: PageResponse, next: () => void) => (API_PATHS.test(req.path) ? next() : headers(req as never, res as never, next)));
  app.useStaticAssets(dir, { index: false, immutable: true, maxAge: '365d', setHeaders: noCacheForHtml });
  app.use((req: PageRequest, res: PageResponse, next: () => void) => {
    const page = (req.method === 'GET' || req.method === 'HEAD') && !API_PATHS.test(req.path) && !/\.[a-z0-9]+$/i.test(req.path);
    // Browsers ask for text/html by name when they load a page; API clients (Accept: */*) keep their 404s.
    if (!page || !req.headers.accept?.includes('text/html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

// Hashed assets may be cached for a year; the page that names them must be revalidated.
function noCacheForHtml(res: PageResponse, path: string): void {
  if (path.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
}
