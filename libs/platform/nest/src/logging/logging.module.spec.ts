import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, type INestApplication, Logger as NestLogger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { LoggingModule } from './logging.module.js';

@Controller()
class GreetingController {
  private readonly logger = new NestLogger('GreetingController');

  @Get('greet')
  greet(): string {
    this.logger.log('greeting someone');
    return 'hello';
  }
}

describe('a request logged through LoggingModule', () => {
  const lines: string[] = [];
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const destination = { write: (line: string) => void lines.push(line) };
    @Module({ imports: [LoggingModule.forRoot({ level: 'info', destination })], controllers: [GreetingController] })
    class TestModule {}
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app.close());

  it('carries the correlation id once on every line of that request, and no bearer token', async () => {
    const response = await fetch(`${url}/greet`, {
      headers: { 'x-correlation-id': 'spec-7', authorization: 'Bearer secret-token' },
    });
    expect(response.headers.get('x-correlation-id')).toBe('spec-7');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const ofRequest = lines.filter((line) => line.includes('spec-7'));
    expect(ofRequest.map((line) => JSON.parse(line).msg)).toEqual(['greeting someone', 'request completed']);
    for (const line of ofRequest) expect(line.match(/"correlationId"/g)).toHaveLength(1);
    expect(lines.join('')).not.toContain('secret-token');
  });

  it('replaces a correlation id unfit for a header or a log line with a UUID', async () => {
    const response = await fetch(`${url}/greet`, { headers: { 'x-correlation-id': 'a b {"x":1}' } });
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
