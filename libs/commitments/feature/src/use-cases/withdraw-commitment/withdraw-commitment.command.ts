import type { WithdrawCommitment } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class WithdrawCommitmentCommand extends CommitmentMessage<WithdrawCommitment> {
  readonly type = 'WithdrawCommitment' as const;
}
