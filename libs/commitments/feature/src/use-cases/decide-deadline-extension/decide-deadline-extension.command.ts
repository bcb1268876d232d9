import type { DecideDeadlineExtension } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class DecideDeadlineExtensionCommand extends CommitmentMessage<DecideDeadlineExtension> {
  readonly type = 'DecideDeadlineExtension' as const;
}
