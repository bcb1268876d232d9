import type { ProposeCommitment } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class ProposeCommitmentCommand extends CommitmentMessage<ProposeCommitment> {
  readonly type = 'ProposeCommitment' as const;
}
