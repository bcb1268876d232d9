import type { AmendCommitment } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class AmendCommitmentCommand extends CommitmentMessage<AmendCommitment> {
  readonly type = 'AmendCommitment' as const;
}
