import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Lets a shutdown finish promptly. `server.close()` waits for every connection to
 * end, and a keep-alive connection whose request was in flight when the shutdown
 * began would otherwise linger idle until its keep-alive timeout. From the moment the
 * shutdown starts, responses carry `Connection: close`, so each connection ends
 * right after its last answer.
 */
@Injectable()
export class ConnectionDrain implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;

  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    server?.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      if (this.draining) return closeAfter(res);
      this.inFlight.add(res);
      res.once('close', () => this.inFlight.delete(res));
    });
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
    for (const res of this.inFlight) closeAfter(res);
  }
}

function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}

/** Import once in an HTTP application. */
@Module({ providers: [ConnectionDrain] })
export class ConnectionDrainModule {}
