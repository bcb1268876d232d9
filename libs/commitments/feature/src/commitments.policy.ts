import type { PolicyTable } from '@council/platform/nest';

/**
 * Who may call what, by role. Whether this province is the committer or a counterparty
 * of this commitment is the domain's decision (ForbiddenError), not this table's.
 */
export const COMMITMENTS_POLICY: PolicyTable = {
  'Query.commitment': 'authenticated',
  'Query.commitments': 'authenticated',
  'Query.trackDashboard': 'authenticated',
  'Query.provinceScorecard': 'authenticated',
  'Query.regionOverview': 'authenticated',
  'Query.projectDashboard': 'authenticated',
  'Subscription.dashboardsChanged': 'authenticated',
  'Mutation.proposeCommitment': ['province'],
  'Mutation.acceptCommitment': ['province'],
  'Mutation.declineCommitment': ['province'],
  'Mutation.withdrawCommitment': ['province'],
  'Mutation.reportProgress': ['province'],
  'Mutation.requestDeadlineExtension': ['province'],
  'Mutation.decideDeadlineExtension': ['council'],
  'Mutation.amendCommitment': ['council'],
  'Mutation.claimFulfillment': ['province'],
  'Mutation.verifyFulfillment': ['province', 'council'],
  'Mutation.cancelCommitment': ['council'],
  // A field resolver of its own (it reads the log): checked wherever a Commitment is reached.
  'Commitment.history': 'authenticated',
};
