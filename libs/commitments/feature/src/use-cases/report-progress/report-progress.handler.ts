import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReportProgress } from '@council/commitments/domain';
import { CommitmentWriter } from '../../commitment/commitment-writer.js';
import { ReportProgressCommand } from './report-progress.command.js';

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand> {
  constructor(@Inject(CommitmentWriter) private readonly writer: CommitmentWriter) {}

  execute(c: ReportProgressCommand) {
    return this.writer.execute<ReportProgress>(c.type, c.commitmentId, c.data, c.call);
  }
}
