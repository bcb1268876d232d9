import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AcceptCommitment } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { AcceptCommitmentCommand } from './accept-commitment.command.js';

@CommandHandler(AcceptCommitmentCommand)
export class AcceptCommitmentHandler implements ICommandHandler<AcceptCommitmentCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: AcceptCommitmentCommand) {
    return this.writer.execute<AcceptCommitment>(c.type, c.commitmentId, c.data, c.call);
  }
}
