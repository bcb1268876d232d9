import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeclineCommitment } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { DeclineCommitmentCommand } from './decline-commitment.command.js';

@CommandHandler(DeclineCommitmentCommand)
export class DeclineCommitmentHandler implements ICommandHandler<DeclineCommitmentCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: DeclineCommitmentCommand) {
    return this.writer.execute<DeclineCommitment>(c.type, c.commitmentId, c.data, c.call);
  }
}
