import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RequestDeadlineExtension } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { RequestDeadlineExtensionCommand } from './request-deadline-extension.command.js';

@CommandHandler(RequestDeadlineExtensionCommand)
export class RequestDeadlineExtensionHandler implements ICommandHandler<RequestDeadlineExtensionCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: RequestDeadlineExtensionCommand) {
    return this.writer.execute<RequestDeadlineExtension>(c.type, c.commitmentId, c.data, c.call);
  }
}
