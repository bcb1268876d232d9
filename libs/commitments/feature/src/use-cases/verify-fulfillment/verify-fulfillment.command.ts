import type { VerifyFulfillment } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class VerifyFulfillmentCommand extends CommitmentMessage<VerifyFulfillment> {
  readonly type = 'VerifyFulfillment' as const;
}
