import type { AcceptCommitment } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class AcceptCommitmentCommand extends CommitmentMessage<AcceptCommitment> {
  readonly type = 'AcceptCommitment' as const;
}
