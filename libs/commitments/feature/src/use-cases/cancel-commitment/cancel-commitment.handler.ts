import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CancelCommitment } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { CancelCommitmentCommand } from './cancel-commitment.command.js';

@CommandHandler(CancelCommitmentCommand)
export class CancelCommitmentHandler implements ICommandHandler<CancelCommitmentCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: CancelCommitmentCommand) {
    return this.writer.execute<CancelCommitment>(c.type, c.commitmentId, c.data, c.call);
  }
}
