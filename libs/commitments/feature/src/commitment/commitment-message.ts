import { Command } from '@nestjs/cqrs';
import type { CommitmentCommand } from '@council/commitments/domain';
import type { LoadedCommitment } from './commitment-reader.js';
import type { CallContext } from './commitment-writer.js';

/** A commitment command on the CommandBus: which commitment, what data, who calls. */
export abstract class CommitmentMessage<C extends CommitmentCommand> extends Command<LoadedCommitment> {
  abstract readonly type: C['type'];

  constructor(
    readonly commitmentId: string,
    readonly data: C['data'],
    readonly call: CallContext,
  ) {
    super();
  }
}
