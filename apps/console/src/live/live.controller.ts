import { Controller, Get, Inject, Res, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CONSOLE_CORE, type ConsoleCore } from '../console-core';
import { LiveFeed } from './live-feed';

export const LIVE_INTERVAL_MS = Symbol('LiveIntervalMs');

/**
 * `GET /api/live`: Server-Sent Events, one round of LiveEvents about once a
 * second. A client that cannot keep up misses rounds instead of making the
 * console buffer for it.
 */
@Controller('api')
export class LiveController implements OnModuleDestroy {
  private readonly streams = new Set<() => void>();

  constructor(
    @Inject(CONSOLE_CORE) private readonly core: ConsoleCore,
    @Inject(LIVE_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  @Get('live')
  live(@Res() reply: FastifyReply): void {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    });
    const feed = new LiveFeed(this.core);
    const send = () => {
      if (!res.writableNeedDrain) res.write(feed.next());
    };
    res.write(`retry: ${this.intervalMs * 2}\n\n`);
    send();
    const timer = setInterval(send, this.intervalMs);
    const end = () => {
      clearInterval(timer);
      this.streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    this.streams.add(end);
    res.once('close', end);
  }

  /** The server waits for open connections when it closes: end the streams first. */
  onModuleDestroy(): void {
    for (const end of [...this.streams]) end();
  }
}
