import type { ReportProgress } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class ReportProgressCommand extends CommitmentMessage<ReportProgress> {
  readonly type = 'ReportProgress' as const;
}
