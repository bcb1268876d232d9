import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import helmet from 'helmet';

export interface HttpSecurityOptions {
  /** Origins (`https://bando.dongnai.gov.vn`) whose browser pages may call the API; none by default. */
  readonly corsOrigins: readonly string[];
  /** Outside production GraphiQL loads from a CDN: the content security policy is then left off. */
  readonly production: boolean;
}

const OPTIONS = Symbol('HttpSecurityOptions');
type Next = (error?: unknown) => void;

/**
 * Security headers (helmet) on every answer, and CORS for an allow-list of origins:
 * an allowed origin gets `Access-Control-Allow-Origin`; a preflight from any other
 * origin is refused with 403, so a browser never sends its request.
 */
@Module({})
export class HttpSecurityModule implements NestModule {
  constructor(@Inject(OPTIONS) private readonly options: HttpSecurityOptions) {}

  static forRoot(options: HttpSecurityOptions): DynamicModule {
    return { module: HttpSecurityModule, providers: [{ provide: OPTIONS, useValue: options }] };
  }

  configure(consumer: MiddlewareConsumer): void {
    const headers = helmet({
      contentSecurityPolicy: this.options.production ? { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } : false,
      crossOriginEmbedderPolicy: false,
    });
    consumer.apply(headers, corsAllowList(this.options.corsOrigins)).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}

/** CORS for exactly these origins; nothing is allowed with credentials (bearer tokens travel in a header). */
export function corsAllowList(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (origin === undefined) return next();
    res.setHeader('vary', 'Origin');
    if (!allowed.has(origin)) {
      if (!preflight) return next();
      res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [{ message: `Origin ${origin} may not call this API`, extensions: { code: 'FORBIDDEN' } }] }));
      return;
    }
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'retry-after, x-correlation-id');
    if (!preflight) return next();
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'authorization, content-type, x-correlation-id, apollo-require-preflight',
      'access-control-max-age': '600',
    });
    res.end();
  };
}
