import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { VerifyFulfillment } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { VerifyFulfillmentCommand } from './verify-fulfillment.command.js';

@CommandHandler(VerifyFulfillmentCommand)
export class VerifyFulfillmentHandler implements ICommandHandler<VerifyFulfillmentCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: VerifyFulfillmentCommand) {
    return this.writer.execute<VerifyFulfillment>(c.type, c.commitmentId, c.data, c.call);
  }
}
