import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { COMMITMENT_STREAM_PREFIX, type CommitmentEvent, type RecordDeadlineMissed } from '@council/commitments/domain';
import { type Actor, Clock, EventStore, type RecordedEvent, vietnamDate } from '@council/platform/event-sourcing';
import { CommitmentWriter } from '../commitment/commitment-writer.js';

export const DEADLINE_WATCHER_OPTIONS = Symbol('DeadlineWatcherOptions');

export interface DeadlineWatcherOptions {
  /** How often to look for deadlines that passed; 0 turns the timer off (tests call `check`). */
  readonly intervalMs: number;
}

const WATCHER: Actor = { subject: 'deadline-watcher', roles: ['system'], name: 'Deadline watcher' };

/**
 * Records DeadlineMissed for each active commitment whose deadline day has ended in
 * Việt Nam. It follows the log to know which commitments are open and when they are due;
 * the decision itself is the domain's, and the expected revision makes a second record
 * impossible, so any number of nodes may watch at once.
 */
@Injectable()
export class DeadlineWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineWatcher.name);
  private readonly open = new Map<string, Watched>();
  private readonly stop = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private following: Promise<void> | undefined;
  private caughtUpTo = 0n;

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CommitmentWriter) private readonly writer: CommitmentWriter,
    @Inject(DEADLINE_WATCHER_OPTIONS) private readonly options: DeadlineWatcherOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.following = this.follow();
    if (this.options.intervalMs > 0) {
      this.timer = setInterval(() => void this.check().catch((e: unknown) => this.logger.error(`deadline check failed: ${String(e)}`)), this.options.intervalMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.stop.abort();
    await this.following;
  }

  /** Records every deadline missed as of now (the domain records each at most once). */
  async check(): Promise<void> {
    await this.catchUp();
    const today = vietnamDate(this.clock.now());
    for (const [id, w] of [...this.open])
      if (w.status === 'active' && w.deadline < today && w.missed !== w.deadline)
        await this.writer.execute<RecordDeadlineMissed>('RecordDeadlineMissed', id, {}, { actor: WATCHER });
    await this.catchUp();
  }

  private async follow(): Promise<void> {
    try {
      for await (const event of this.store.subscribeToAll({ filter: { streamPrefixes: [COMMITMENT_STREAM_PREFIX] }, signal: this.stop.signal })) this.apply(event);
    } catch (error) {
      if (!this.stop.signal.aborted) this.logger.error(`stopped following the log: ${String(error)}`);
    }
  }

  /** Reads what the subscription has not delivered yet, so a check sees every event up to now. */
  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ after: this.caughtUpTo, maxCount: 1_000, filter: { streamPrefixes: [COMMITMENT_STREAM_PREFIX] } });
      if (page.length === 0) return;
      for (const event of page) this.apply(event);
    }
  }

  private apply(recorded: RecordedEvent): void {
    if (recorded.position <= this.caughtUpTo) return;
    this.caughtUpTo = recorded.position;
    const event = recorded as unknown as CommitmentEvent;
    const id = (event.data as { commitmentId?: string }).commitmentId;
    if (id === undefined) return;
    const next = trackDeadline(this.open.get(id), event);
    if (next) this.open.set(id, next);
    else this.open.delete(id);
  }
}

/** What the watcher keeps of an open commitment. */
interface Watched {
  readonly status: 'proposed' | 'active' | 'claimed';
  readonly deadline: string;
  readonly missed?: string;
}

/** A compact fold of the lifecycle: enough to know which open commitment is due when. */
function trackDeadline(w: Watched | undefined, event: CommitmentEvent): Watched | undefined {
  if (event.type === 'CommitmentProposed') return { status: 'proposed', deadline: event.data.deadline };
  if (!w) return undefined;
  switch (event.type) {
    case 'CommitmentActivated':
    case 'FulfillmentDisputed':
      return { ...w, status: 'active' };
    case 'FulfillmentClaimed':
      return { ...w, status: 'claimed' };
    case 'DeadlineExtensionApproved':
      return { ...w, deadline: event.data.newDeadline };
    case 'DeadlineMissed':
      return { ...w, missed: event.data.deadline };
    case 'CommitmentDeclined':
    case 'CommitmentWithdrawn':
    case 'CommitmentCancelled':
    case 'FulfillmentVerified':
      return undefined;
    default:
      return w;
  }
}
