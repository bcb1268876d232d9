import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DecideDeadlineExtension } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { DecideDeadlineExtensionCommand } from './decide-deadline-extension.command.js';

@CommandHandler(DecideDeadlineExtensionCommand)
export class DecideDeadlineExtensionHandler implements ICommandHandler<DecideDeadlineExtensionCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: DecideDeadlineExtensionCommand) {
    return this.writer.execute<DecideDeadlineExtension>(c.type, c.commitmentId, c.data, c.call);
  }
}
