import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CommitmentCommand, commitmentDecider, commitmentSchemas, commitmentStream } from '@council/commitments/domain';
import { type CommitmentView, evolveCommitmentView } from '@council/commitments/read-models';
import { type Actor, Clock, ConcurrencyError, EventStore, handleCommand, NotFoundError, ReadModels, type RecordedEvent, StreamCache } from '@council/platform/event-sourcing';
import { CouncilMetrics } from '@council/platform/nest';
import { RegionReader } from '@council/region/feature';
import type { LoadedCommitment } from './commitment-reader.js';

const CACHED_STREAMS = 1_000;

/** Who calls, and how: what every mutation passes besides its own data. */
export interface CallContext {
  readonly actor: Actor;
  readonly commandId?: string;
  readonly expectedRevision?: number;
  readonly correlationId?: string;
}

/**
 * Runs a commitment command: the region as it stands goes into the decision, the kernel
 * reads, decides and appends, and the answer is the commitment as the log now holds it,
 * folded from the events the command read and appended (no second read of the stream).
 * Streams and views folded before are kept (bounded), and only their new events are read.
 */
@Injectable()
export class CommitmentWriter {
  private readonly logger = new Logger(CommitmentWriter.name);
  private readonly streams = new StreamCache<unknown>(CACHED_STREAMS);
  private readonly views = new Map<string, CommitmentView>();

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RegionReader) private readonly region: RegionReader,
    @Inject(CouncilMetrics) private readonly metrics: CouncilMetrics,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  async execute<C extends CommitmentCommand>(type: C['type'], commitmentId: string, data: C['data'], call: CallContext): Promise<LoadedCommitment> {
    const command = {
      type,
      data,
      metadata: {
        now: this.clock.now(),
        actor: call.actor,
        ...(call.commandId && { commandId: call.commandId }),
        ...(call.correlationId && { correlationId: call.correlationId }),
      },
      context: { region: await this.region.current() },
    } as C;
    let result: Awaited<ReturnType<typeof handleCommand>>;
    try {
      result = await handleCommand(this.store, commitmentDecider, commitmentStream(commitmentId), command, {
        schemas: commitmentSchemas,
        cache: this.streams,
        ...(call.expectedRevision !== undefined && { expectedRevision: BigInt(call.expectedRevision) }),
      });
      this.metrics.commands.inc({ command: type, outcome: 'accepted' });
    } catch (error) {
      this.metrics.commands.inc({ command: type, outcome: error instanceof ConcurrencyError ? 'conflict' : 'refused' });
      throw error;
    }
    const history = result.events ?? [];
    const view = this.viewOf(commitmentId, history);
    await this.readOwnWrite(result.position);
    return { view, history };
  }

  /** The view folded from the stream's events, starting from the one folded last time when it is not ahead of them. */
  private viewOf(commitmentId: string, history: readonly RecordedEvent[]): CommitmentView {
    const cached = this.views.get(commitmentId);
    const last = history[history.length - 1];
    const base = cached && last && cached.revision <= last.revision ? cached : null;
    // evolveCommitmentView skips events at or before the view's revision.
    const view = history.reduce<CommitmentView | null>(evolveCommitmentView, base);
    if (!view) throw new NotFoundError(`no commitment ${commitmentId}`);
    this.views.delete(commitmentId);
    this.views.set(commitmentId, view);
    if (this.views.size > CACHED_STREAMS) this.views.delete(this.views.keys().next().value!);
    return view;
  }

  /** Answers only once the change is in this node's read models, so the caller's next query sees it. */
  private async readOwnWrite(position: bigint): Promise<void> {
    try {
      await this.readModels.waitFor(position);
    } catch (error) {
      // The change is recorded: answer it; the dashboards will show it once they catch up.
      this.logger.warn(`read models lag behind position ${position}: ${(error as Error).message}`);
    }
  }
}
