import autocannon from 'autocannon';
import type { RoundResult } from './rounds.js';

/**
 * One simulated client, i.e. one keep-alive connection with one request in flight at a
 * time. `next` builds its next request body; `answer` checks the answer to it and says
 * how many units of work it counts (1 for a good answer, 0 for an error or a refusal).
 */
export interface LoadClient {
  /** This client's own headers (e.g. its user's token), over the round's. */
  readonly headers?: Readonly<Record<string, string>>;
  next(): string;
  answer(status: number, body: string): number;
}

export interface LoadOptions {
  /** e.g. http://127.0.0.1:3000 */
  readonly url: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Concurrent connections, each a client with one request in flight. */
  readonly connections: number;
  /** How long the round lasts, at least, in milliseconds. */
  readonly ms: number;
  /** Makes client number `index` (0 … connections - 1) of this round. */
  client(index: number): LoadClient;
}

/** A round of HTTP load: units are the good answers; every answer's latency is kept. */
export interface LoadRound extends RoundResult {
  /** Milliseconds from writing a request to reading its whole answer, one per answer. */
  readonly latencies: readonly number[];
  readonly answers: number;
  /** Connection errors and timeouts (no answer at all). */
  readonly transportErrors: number;
}

/**
 * Runs autocannon (POST, pipelining 1) for `ms` against `url + path`: its HTTP/1.1
 * client is cheap on the CPU, which matters when load generator and server share two
 * cores. The latencies are taken from its per-answer events in fractional milliseconds
 * (its own histogram keeps whole milliseconds). Answers that arrive after the round
 * ends are not waited for: the server finishes them, nobody counts them.
 */
export function runLoad(options: LoadOptions): Promise<LoadRound> {
  let nextIndex = 0;
  let answers = 0;
  let units = 0;
  const latencies: number[] = [];
  const started = performance.now();
  return new Promise((resolveRound, reject) => {
    const instance = autocannon(
      {
        url: `${options.url}${options.path}`,
        connections: options.connections,
        pipelining: 1,
        duration: options.ms / 1000,
        // autocannon checks its stop flag on this tick: a short one ends the round on time.
        sampleInt: 50,
        timeout: 30,
        method: 'POST',
        headers: { ...options.headers },
        setupClient: (client) => {
          const load = options.client(nextIndex++);
          client.setRequests([
            {
              method: 'POST',
              path: options.path,
              headers: { ...options.headers, ...load.headers },
              setupRequest: (request) => ({ ...request, body: load.next() }),
              onResponse: (status, body) => {
                answers++;
                units += load.answer(status, body);
              },
            },
          ]);
        },
      },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        resolveRound({
          units,
          ms: performance.now() - started,
          latencies,
          answers,
          transportErrors: result.errors,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}
