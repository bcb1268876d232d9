import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RegionModule } from '@council/region/feature';
import { CommitmentPresenter } from './commitment/commitment-presenter.js';
import { CommitmentReader } from './commitment/commitment-reader.js';
import { CommitmentWriter } from './commitment/commitment-writer.js';
import { DEADLINE_WATCHER_OPTIONS, DeadlineWatcher, type DeadlineWatcherOptions } from './deadline-watcher/deadline-watcher.js';
import { AcceptCommitmentHandler } from './use-cases/accept-commitment/accept-commitment.handler.js';
import { AcceptCommitmentResolver } from './use-cases/accept-commitment/accept-commitment.resolver.js';
import { AmendCommitmentHandler } from './use-cases/amend-commitment/amend-commitment.handler.js';
import { AmendCommitmentResolver } from './use-cases/amend-commitment/amend-commitment.resolver.js';
import { CancelCommitmentHandler } from './use-cases/cancel-commitment/cancel-commitment.handler.js';
import { CancelCommitmentResolver } from './use-cases/cancel-commitment/cancel-commitment.resolver.js';
import { ClaimFulfillmentHandler } from './use-cases/claim-fulfillment/claim-fulfillment.handler.js';
import { ClaimFulfillmentResolver } from './use-cases/claim-fulfillment/claim-fulfillment.resolver.js';
import { DecideDeadlineExtensionHandler } from './use-cases/decide-deadline-extension/decide-deadline-extension.handler.js';
import { DecideDeadlineExtensionResolver } from './use-cases/decide-deadline-extension/decide-deadline-extension.resolver.js';
import { DeclineCommitmentHandler } from './use-cases/decline-commitment/decline-commitment.handler.js';
import { DeclineCommitmentResolver } from './use-cases/decline-commitment/decline-commitment.resolver.js';
import { GetCommitmentResolver } from './use-cases/get-commitment/get-commitment.resolver.js';
import { ListCommitmentsResolver } from './use-cases/list-commitments/list-commitments.resolver.js';
import { CommitmentHistoryResolver } from './commitment/commitment-history.resolver.js';
import { CommitmentViews } from './dashboards/commitment-views.js';
import { DashboardsAnswerVersion, DashboardsResolver } from './dashboards/dashboards.resolver.js';
import { ProjectedCommitmentViews } from './dashboards/projected-commitment-views.js';
import { DashboardsChangedResolver } from './dashboards-changed/dashboards-changed.resolver.js';
import { ProposeCommitmentHandler } from './use-cases/propose-commitment/propose-commitment.handler.js';
import { ProposeCommitmentResolver } from './use-cases/propose-commitment/propose-commitment.resolver.js';
import { ReportProgressHandler } from './use-cases/report-progress/report-progress.handler.js';
import { ReportProgressResolver } from './use-cases/report-progress/report-progress.resolver.js';
import { RequestDeadlineExtensionHandler } from './use-cases/request-deadline-extension/request-deadline-extension.handler.js';
import { RequestDeadlineExtensionResolver } from './use-cases/request-deadline-extension/request-deadline-extension.resolver.js';
import { VerifyFulfillmentHandler } from './use-cases/verify-fulfillment/verify-fulfillment.handler.js';
import { VerifyFulfillmentResolver } from './use-cases/verify-fulfillment/verify-fulfillment.resolver.js';
import { WithdrawCommitmentHandler } from './use-cases/withdraw-commitment/withdraw-commitment.handler.js';
import { WithdrawCommitmentResolver } from './use-cases/withdraw-commitment/withdraw-commitment.resolver.js';

const useCases = [
  [ProposeCommitmentHandler, ProposeCommitmentResolver],
  [AcceptCommitmentHandler, AcceptCommitmentResolver],
  [DeclineCommitmentHandler, DeclineCommitmentResolver],
  [WithdrawCommitmentHandler, WithdrawCommitmentResolver],
  [ReportProgressHandler, ReportProgressResolver],
  [RequestDeadlineExtensionHandler, RequestDeadlineExtensionResolver],
  [DecideDeadlineExtensionHandler, DecideDeadlineExtensionResolver],
  [AmendCommitmentHandler, AmendCommitmentResolver],
  [ClaimFulfillmentHandler, ClaimFulfillmentResolver],
  [VerifyFulfillmentHandler, VerifyFulfillmentResolver],
  [CancelCommitmentHandler, CancelCommitmentResolver],
].flat();

/** Commitments: the mutations of API.md, the commitment queries, the dashboards, and the deadline watcher. */
@Module({})
export class CommitmentsModule {
  static forRoot(options: { deadlineWatcher: DeadlineWatcherOptions }): DynamicModule {
    return {
      module: CommitmentsModule,
      imports: [CqrsModule, RegionModule],
      providers: [
        CommitmentReader,
        CommitmentWriter,
        CommitmentPresenter,
        GetCommitmentResolver,
        ListCommitmentsResolver,
        CommitmentHistoryResolver,
        DashboardsResolver,
        DashboardsAnswerVersion,
        { provide: CommitmentViews, useClass: ProjectedCommitmentViews },
        DashboardsChangedResolver,
        DeadlineWatcher,
        { provide: DEADLINE_WATCHER_OPTIONS, useValue: options.deadlineWatcher },
        ...useCases,
      ],
      exports: [CommitmentReader, CommitmentWriter, DeadlineWatcher, DashboardsAnswerVersion],
    };
  }
}
