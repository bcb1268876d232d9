import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ClaimFulfillment } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { ClaimFulfillmentCommand } from './claim-fulfillment.command.js';

@CommandHandler(ClaimFulfillmentCommand)
export class ClaimFulfillmentHandler implements ICommandHandler<ClaimFulfillmentCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: ClaimFulfillmentCommand) {
    return this.writer.execute<ClaimFulfillment>(c.type, c.commitmentId, c.data, c.call);
  }
}
