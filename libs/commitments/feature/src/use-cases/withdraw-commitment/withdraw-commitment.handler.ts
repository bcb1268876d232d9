import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WithdrawCommitment } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { WithdrawCommitmentCommand } from './withdraw-commitment.command.js';

@CommandHandler(WithdrawCommitmentCommand)
export class WithdrawCommitmentHandler implements ICommandHandler<WithdrawCommitmentCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: WithdrawCommitmentCommand) {
    return this.writer.execute<WithdrawCommitment>(c.type, c.commitmentId, c.data, c.call);
  }
}
