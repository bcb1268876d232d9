import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import { type DestinationStream, type LevelWithSilent, stdTimeFunctions } from 'pino';
import { correlationIdFor } from './correlation-id.js';

export interface LoggingOptions {
  readonly level: LevelWithSilent;
  /** `name` on every line, e.g. the application's. */
  readonly name?: string;
  /** Where the lines go; default: standard output. */
  readonly destination?: DestinationStream;
}

const PROBES = new Set(['/health', '/metrics']);

/**
 * JSON logs (pino) with the request's correlation id on every line logged while
 * serving it; the Authorization and Cookie headers are redacted.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return { module: LoggingModule, imports: [LoggerModule.forRoot(loggerParams(options))] };
  }
}

export function loggerParams({ level, name, destination }: LoggingOptions): Params {
  return {
    pinoHttp: {
      level,
      name,
      stream: destination,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      genReqId: correlationIdFor,
      // Binds the id as `correlationId` on every line of the request, including the
      // completion line, while leaving the full `req` object to the completion line only.
      // (customProps would bind it a second time: pino does not merge duplicate keys.)
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'correlationId' },
      customLogLevel: (req: IncomingMessage, res: ServerResponse, error?: Error) => {
        if (error || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        // Load balancers and Prometheus poll these every few seconds.
        return PROBES.has(req.url?.split('?')[0] ?? '') ? 'debug' : 'info';
      },
    },
  };
}
