import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { RecordDeadlineMissed } from '@council/commitments/domain';
import { deadlinesMissedBy } from '@council/commitments/read-models';
import { type Actor, Clock, EventStore, ReadModels, vietnamDate } from '@council/platform/event-sourcing';
import { CommitmentWriter } from '../commitment/commitment-writer.js';

export const DEADLINE_WATCHER_OPTIONS = Symbol('DeadlineWatcherOptions');

export interface DeadlineWatcherOptions {
  /** How often to look for deadlines that passed; 0 turns the timer off (tests call `check`). */
  readonly intervalMs: number;
  /** How long a check waits for the read models to reach the log's head; default 30 s. */
  readonly catchUpTimeoutMs?: number;
}

const WATCHER: Actor = { subject: 'deadline-watcher', roles: ['system'], name: 'Deadline watcher' };
const CATCH_UP_TIMEOUT_MS = 30_000;

/**
 * Records DeadlineMissed for each active commitment whose deadline day has ended in
 * Việt Nam. It asks the node's read models, once they have reached the log's head, which
 * active commitments are past their deadline without a miss recorded for it
 * (`deadlinesMissedBy`, one query): it keeps no state of its own and reads nothing at
 * start, and since the read models resubscribe when the log fails them, so does the
 * watcher. The decision itself is the domain's, and the expected revision makes a second
 * record impossible, so any number of nodes may watch at once.
 */
@Injectable()
export class DeadlineWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineWatcher.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CommitmentWriter) private readonly writer: CommitmentWriter,
    @Inject(DEADLINE_WATCHER_OPTIONS) private readonly options: DeadlineWatcherOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalMs <= 0) return;
    // A failed check is retried at the next tick; one still running is not started twice.
    this.timer = setInterval(() => {
      this.running ??= this.check()
        .catch((e: unknown) => this.logger.error(`deadline check failed (next in ${this.options.intervalMs} ms): ${String(e)}`))
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * Records every deadline missed as of now (the domain records each at most once).
   * Throws when the read models do not reach the log's head in time; a commitment that
   * cannot be recorded now is logged and left for the next check.
   */
  async check(): Promise<void> {
    const head = await this.store.headPosition();
    await this.readModels.waitFor(head, this.options.catchUpTimeoutMs ?? CATCH_UP_TIMEOUT_MS);
    const today = vietnamDate(this.clock.now());
    for (const { id } of this.readModels.read((db) => deadlinesMissedBy(db, today))) {
      if (this.stopped) return;
      try {
        await this.writer.execute<RecordDeadlineMissed>('RecordDeadlineMissed', id, {}, { actor: WATCHER });
      } catch (error) {
        this.logger.warn(`could not record the missed deadline of ${id} (next check retries): ${String(error)}`);
      }
    }
  }
}
