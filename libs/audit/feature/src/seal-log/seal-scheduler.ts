import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, EventStore } from '@council/platform/event-sourcing';
import type { Seal } from '@council/audit/domain';
import { latestSeal, SEALER, sealLog } from './log-sealer.js';

export const SEAL_SCHEDULE = Symbol('SealSchedule');

export interface SealSchedule {
  /** Seal when the newest seal is older than this, by the injected Clock; 0: never on a schedule. */
  readonly intervalMs: number;
  /** How often to look whether a seal is due; default min(intervalMs, 60 s). */
  readonly checkEveryMs?: number;
}

/** Seals the log on a schedule; any number of nodes may run it (the seal stream's revision decides). */
@Injectable()
export class SealScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SealScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SEAL_SCHEDULE) private readonly schedule: SealSchedule,
  ) {}

  onApplicationBootstrap(): void {
    if (this.schedule.intervalMs <= 0) return;
    const every = this.schedule.checkEveryMs ?? Math.min(this.schedule.intervalMs, 60_000);
    this.timer = setInterval(() => {
      this.running = this.sealIfDue().catch((e: unknown) => this.logger.error(`sealing failed: ${String(e)}`));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Records a seal when the newest is older than the interval (or there is none) and the log moved since. */
  async sealIfDue(): Promise<Seal | null> {
    const { seal } = await latestSeal(this.store);
    const now = this.clock.now().getTime();
    if (seal && now - Date.parse(seal.sealedAt) < this.schedule.intervalMs) return null;
    const head = await this.store.headPosition();
    if (head === 0n || (seal && head <= seal.position + 1n)) return null;
    const sealed = await sealLog(this.store, this.clock, SEALER);
    this.logger.log({ msg: 'log sealed', seal: { sequence: sealed.sequence, position: String(sealed.position), hash: sealed.hash } });
    return sealed;
  }
}
