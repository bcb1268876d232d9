import type { CancelCommitment } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class CancelCommitmentCommand extends CommitmentMessage<CancelCommitment> {
  readonly type = 'CancelCommitment' as const;
}
