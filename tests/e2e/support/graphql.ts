/** One GraphQL answer over HTTP, with its status and headers. */
export interface GraphqlAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
  };
}

export interface GraphqlRequest {
  readonly token?: string;
  readonly authorization?: string;
  readonly variables?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

/** POST /graphql as integrators do: JSON body, `content-type: application/json`. */
export async function graphql(url: string, query: string, request: GraphqlRequest = {}): Promise<GraphqlAnswer> {
  return post(url, JSON.stringify({ query, variables: request.variables }), request);
}

/** POST /graphql with any body (batches, oversized bodies). */
export async function post(url: string, body: string, request: GraphqlRequest = {}): Promise<GraphqlAnswer> {
  const authorization = request.authorization ?? (request.token ? `Bearer ${request.token}` : undefined);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
      ...request.headers,
    },
    body,
  });
  const text = await response.text();
  let parsed: GraphqlAnswer['body'];
  try {
    parsed = JSON.parse(text) as GraphqlAnswer['body'];
  } catch {
    throw new Error(`not JSON (${response.status}): ${text.slice(0, 300)}`);
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** The codes of an answer's errors, in order. */
export const codesOf = (answer: GraphqlAnswer): (string | undefined)[] =>
  (answer.body.errors ?? []).map((error) => error.extensions?.code);

/** A demo token as the server logs it at start. */
export interface LoggedDemoToken {
  readonly label: string;
  readonly name: string;
  readonly subject: string;
  readonly roles: string[];
  readonly province?: string;
  readonly token: string;
  readonly expiresAt: string;
}

/** The demo tokens among a server's log lines. */
export function demoTokensIn(lines: readonly Record<string, unknown>[]): LoggedDemoToken[] {
  return lines.flatMap((line) => (line.demoToken ? [line.demoToken as LoggedDemoToken] : []));
}
