import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ProposeCommitment } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { ProposeCommitmentCommand } from './propose-commitment.command.js';

@CommandHandler(ProposeCommitmentCommand)
export class ProposeCommitmentHandler implements ICommandHandler<ProposeCommitmentCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: ProposeCommitmentCommand) {
    return this.writer.execute<ProposeCommitment>(c.type, c.commitmentId, c.data, c.call);
  }
}
