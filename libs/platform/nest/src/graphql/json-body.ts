import type { IncomingMessage, ServerResponse } from 'node:http';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

type Next = (error?: unknown) => void;
type WithBody = IncomingMessage & { body?: unknown; _body?: boolean };

/**
 * Reads a JSON request body of at most `maxBytes` into `req.body` for Apollo. A larger
 * body is answered at once with 413 and a GraphQL-shaped error (`PAYLOAD_TOO_LARGE`),
 * without reading the rest; compressed bodies are refused (415), so the limit is the
 * size actually parsed. Other content types are left to Apollo (which answers them).
 */
export function jsonBodyReader(maxBytes: number) {
  return (req: WithBody, res: ServerResponse, next: Next): void => {
    if (req._body || req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type !== 'application/json' && !type.endsWith('+json')) return next();
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity')
      return refuse(res, 415, 'BAD_REQUEST', 'Compressed request bodies are not accepted: send plain JSON');
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(req, res, maxBytes);

    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        tooLarge(req, res, maxBytes);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      if (!done) {
        done = true;
        next(error);
      }
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        req.body = text.length === 0 ? {} : JSON.parse(text);
      } catch {
        return refuse(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      }
      req._body = true;
      next();
    });
  };
}

function tooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  refuse(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes`, { maximum: maxBytes });
  // The rest of the body is read and dropped; the connection closes after the answer.
  req.resume();
}

function refuse(res: ServerResponse, status: number, code: string, message: string, extensions: object = {}): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...(status === 413 ? { connection: 'close' } : {}),
  });
  res.end(body);
}
