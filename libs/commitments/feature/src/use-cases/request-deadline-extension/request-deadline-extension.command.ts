import type { RequestDeadlineExtension } from '@council/commitments/domain';
import { CommitmentMessage } from '../../commitment/commitment-message.js';

export class RequestDeadlineExtensionCommand extends CommitmentMessage<RequestDeadlineExtension> {
  readonly type = 'RequestDeadlineExtension' as const;
}
