import type { ClaimFulfillment } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class ClaimFulfillmentCommand extends CommitmentMessage<ClaimFulfillment> {
  readonly type = 'ClaimFulfillment' as const;
}
