import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CommitmentCommand, commitmentDecider, commitmentSchemas, commitmentStream } from '@council/commitments/domain';
import { type Actor, Clock, ConcurrencyError, EventStore, handleCommand, ReadModels } from '@council/platform/event-sourcing';
import { CouncilMetrics } from '@council/platform/nest';
import { RegionReader } from '@council/region/feature';
import { CommitmentReader, type LoadedCommitment } from './commitment-reader.js';

/** Who calls, and how: what every mutation passes besides its own data. */
export interface CallContext {
  readonly actor: Actor;
  readonly commandId?: string;
  readonly expectedRevision?: number;
  readonly correlationId?: string;
}

/**
 * Runs a commitment command: the region as it stands goes into the decision, the kernel
 * reads, decides and appends, and the answer is the commitment as the log now holds it.
 */
@Injectable()
export class CommitmentWriter {
  private readonly logger = new Logger(CommitmentWriter.name);

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RegionReader) private readonly region: RegionReader,
    @Inject(CommitmentReader) private readonly reader: CommitmentReader,
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
    let position: bigint;
    try {
      ({ position } = await handleCommand(this.store, commitmentDecider, commitmentStream(commitmentId), command, {
        schemas: commitmentSchemas,
        ...(call.expectedRevision !== undefined && { expectedRevision: BigInt(call.expectedRevision) }),
      }));
      this.metrics.commands.inc({ command: type, outcome: 'accepted' });
    } catch (error) {
      this.metrics.commands.inc({ command: type, outcome: error instanceof ConcurrencyError ? 'conflict' : 'refused' });
      throw error;
    }
    await this.readOwnWrite(position);
    return this.reader.load(commitmentId);
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
