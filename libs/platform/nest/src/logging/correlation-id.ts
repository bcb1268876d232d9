import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Anything else is replaced rather than echoed: it ends up in a response header and in logs.
const ACCEPTABLE = /^[\w.:@-]{1,128}$/;

/**
 * The request's correlation id: the caller's `x-correlation-id` when it is a plain
 * token, else a new UUID. Echoed in the response header of the same name.
 */
export function correlationIdFor(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[CORRELATION_ID_HEADER];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  res.setHeader(CORRELATION_ID_HEADER, id);
  return id;
}
