import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AmendCommitment } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { AmendCommitmentCommand } from './amend-commitment.command.js';

@CommandHandler(AmendCommitmentCommand)
export class AmendCommitmentHandler implements ICommandHandler<AmendCommitmentCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: AmendCommitmentCommand) {
    return this.writer.execute<AmendCommitment>(c.type, c.commitmentId, c.data, c.call);
  }
}
