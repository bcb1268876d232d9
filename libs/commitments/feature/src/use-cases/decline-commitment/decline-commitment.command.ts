import type { DeclineCommitment } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class DeclineCommitmentCommand extends CommitmentMessage<DeclineCommitment> {
  readonly type = 'DeclineCommitment' as const;
}
