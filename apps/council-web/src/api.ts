import { Client, type CombinedError, cacheExchange, fetchExchange, gql, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';

export type Track = 'TRANSPORT' | 'HEALTH' | 'WORKFORCE';
export const TRACKS: readonly Track[] = ['TRANSPORT', 'HEALTH', 'WORKFORCE'];
export type CommitmentStatus = 'PROPOSED' | 'ACTIVE' | 'DECLINED' | 'WITHDRAWN' | 'FULFILLMENT_CLAIMED' | 'FULFILLED' | 'CANCELLED';
export const STATUSES: readonly CommitmentStatus[] = ['PROPOSED', 'ACTIVE', 'FULFILLMENT_CLAIMED', 'FULFILLED', 'DECLINED', 'WITHDRAWN', 'CANCELLED'];
export type ScheduleStatus = 'IN_TERM' | 'DUE_SOON' | 'AT_RISK' | 'OVERDUE' | 'DONE_ON_TIME' | 'DONE_LATE' | 'CLOSED';
export const SCHEDULES: readonly ScheduleStatus[] = ['IN_TERM', 'DUE_SOON', 'AT_RISK', 'OVERDUE', 'DONE_ON_TIME', 'DONE_LATE', 'CLOSED'];
export type Role = 'PROVINCE' | 'COUNCIL' | 'AUDITOR';
/** Count a merged province as its successor (now) or as the party it was. */
export type ProvinceView = 'AS_THEY_ARE' | 'AS_THEY_WERE';

export interface Identity {
  subject: string;
  name: string | null;
  roles: Role[];
  provinceCode: string | null;
}
export interface ProvinceRef {
  code: string;
  name: string;
  nameEn: string;
  answeredForBy?: string | null;
}
export interface BudgetTotals {
  budgetVnd: string;
  disbursedVnd: string;
  disbursementRate: number | null;
  commitments: number;
  noDisbursementReport: number;
}
export interface ScheduleCount {
  schedule: ScheduleStatus;
  count: number;
}
export interface StatusCount {
  status: CommitmentStatus;
  count: number;
}
export interface UpcomingDeadline {
  id: string;
  title: string;
  deadline: string;
  daysLeft: number;
  schedule: ScheduleStatus;
  committer: ProvinceRef;
}
export interface TrackSummary {
  track: Track;
  total: number;
  onTimeRate: number | null;
  byStatus: StatusCount[];
  bySchedule: ScheduleCount[];
  budget: BudgetTotals;
}
export interface OverdueCommitment {
  id: string;
  title: string;
  track: Track;
  deadline: string;
  daysOverdue: number;
  lastReportedAt: string | null;
  committer: ProvinceRef;
  counterparties: ProvinceRef[];
}
export interface RegionOverview {
  asOfDay: string;
  tracks: TrackSummary[];
  overdue: OverdueCommitment[];
  matrix: { provinces: ProvinceRef[]; cells: { committer: string; counterparty: string; count: number }[] };
}
export interface IndicatorTotal {
  unit: string;
  commitments: number;
  reported: number;
  noReport: number;
  baseline: number | null;
  target: number | null;
  originalTarget: number | null;
  actual: number | null;
}
export interface TrackDashboard extends TrackSummary {
  asOfDay: string;
  indicators: IndicatorTotal[];
  byProvince: { province: ProvinceRef; made: number; received: number; active: number; fulfilled: number; overdue: number }[];
  upcomingDeadlines: UpcomingDeadline[];
}

const BUDGET = 'budgetVnd disbursedVnd disbursementRate commitments noDisbursementReport';
const REF = 'code name nameEn';
const UPCOMING = `upcomingDeadlines { id title deadline daysLeft schedule committer { ${REF} } }`;
const SUMMARY = `track total onTimeRate byStatus { status count } bySchedule { schedule count } budget { ${BUDGET} }`;

export const ME = gql`
  query Me {
    me { subject name roles provinceCode }
  }
`;

export const OVERVIEW = gql`
  query Overview($asOf: DateTime, $provinces: ProvinceView) {
    regionOverview(asOf: $asOf, provinces: $provinces) {
      asOfDay
      tracks { ${SUMMARY} }
      overdue { id title track deadline daysOverdue lastReportedAt committer { ${REF} } counterparties { ${REF} } }
      matrix { provinces { ${REF} } cells { committer counterparty count } }
    }
    transport: trackDashboard(track: TRANSPORT, asOf: $asOf, provinces: $provinces) { ${UPCOMING} }
    health: trackDashboard(track: HEALTH, asOf: $asOf, provinces: $provinces) { ${UPCOMING} }
    workforce: trackDashboard(track: WORKFORCE, asOf: $asOf, provinces: $provinces) { ${UPCOMING} }
  }
`;

export const TRACK_DASHBOARD = gql`
  query TrackDashboard($track: Track!, $asOf: DateTime, $provinces: ProvinceView) {
    trackDashboard(track: $track, asOf: $asOf, provinces: $provinces) {
      asOfDay
      ${SUMMARY}
      indicators { unit commitments reported noReport baseline target originalTarget actual }
      byProvince { province { ${REF} } made received active fulfilled overdue }
      ${UPCOMING}
    }
  }
`;

export interface ProjectCommitment {
  id: string;
  title: string;
  status: CommitmentStatus;
  schedule: ScheduleStatus;
  deadline: string;
  originalDeadline: string;
  committer: ProvinceRef;
  indicator: { progress: number | null };
}
export interface ProjectDashboard extends TrackDashboard {
  project: { id: string; name: string; nameEn: string | null; track: string; provinces: string[] };
  commitments: ProjectCommitment[];
}

export const PROJECT_DASHBOARD = gql`
  query ProjectDashboard($id: String!, $asOf: DateTime, $provinces: ProvinceView) {
    projectDashboard(id: $id, asOf: $asOf, provinces: $provinces) {
      asOfDay
      project { id name nameEn track provinces }
      ${SUMMARY}
      indicators { unit commitments reported noReport baseline target originalTarget actual }
      byProvince { province { ${REF} } made received active fulfilled overdue }
      ${UPCOMING}
      commitments { id title status schedule deadline originalDeadline committer { ${REF} } indicator { progress } }
    }
  }
`;

export const SCORECARD = gql`
  query Scorecard($province: String!) {
    provinceScorecard(province: $province) {
      asOfDay province { ${REF} }
      made received internal fulfilledOnTime fulfilledLate inTerm dueSoon atRisk overdue cancelled
      fulfilmentRate averageDelayDays
      budget { ${BUDGET} }
      noReportSince { since days commitment { id title } }
      neverReported { id title deadline }
    }
  }
`;

export const PROVINCES = gql`
  query Provinces {
    provinces { code name nameEn role mergedInto }
  }
`;

export const PROJECTS = gql`
  query Projects {
    projects { id name nameEn track provinces }
  }
`;

const COMMITMENT_ROW = `id title titleEn track status schedule evidence deadline committer { ${REF} } counterparties { ${REF} } indicator { unit target actual progress }`;

export const COMMITMENTS = gql`
  query Commitments($filter: CommitmentFilter, $first: Int, $after: String) {
    commitments(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ${COMMITMENT_ROW} } }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

const COMMITMENT_FIELDS = `
  id revision track title titleEn description status schedule evidence projectId proposedOn activatedOn
  deadline originalDeadline missedDeadlines lastReportedAt budgetVnd originalBudgetVnd disbursedVnd budgetSource
  committer { ${REF} answeredForBy }
  counterparties { code name nameEn accepted acceptedOn answeredForBy }
  responsible { agency person }
  indicator { name unit baseline target originalTarget actual progress }
  pendingExtension { newDeadline reason }
  sourceDocument { number date issuer url }
  fulfilment { onTime daysLate verifiedAt verifiedBy }
`;

export const COMMITMENT = gql`
  query Commitment($id: ID!) {
    commitment(id: $id) {
      ${COMMITMENT_FIELDS}
      history { position revision type recordedAt effectiveAt data actor { name province roles } }
    }
  }
`;

export const DASHBOARDS_CHANGED = gql`
  subscription DashboardsChanged {
    dashboardsChanged { position }
  }
`;

export interface Commitment {
  id: string;
  revision: number;
  track: Track;
  title: string;
  titleEn: string | null;
  description: string;
  status: CommitmentStatus;
  schedule: ScheduleStatus;
  evidence: string;
  projectId: string | null;
  deadline: string;
  originalDeadline: string;
  lastReportedAt: string | null;
  budgetVnd: string | null;
  originalBudgetVnd: string | null;
  disbursedVnd: string | null;
  budgetSource: string | null;
  committer: ProvinceRef;
  counterparties: (ProvinceRef & { accepted: boolean; acceptedOn: string | null })[];
  responsible: { agency: string; person: string };
  indicator: { name: string; unit: string; baseline: number; target: number; originalTarget: number; actual: number | null; progress: number | null };
  pendingExtension: { newDeadline: string; reason: string } | null;
  sourceDocument: { number: string; date: string; issuer: string; url: string | null } | null;
  history: { position: string; revision: number; type: string; recordedAt: string; effectiveAt: string; data: Record<string, unknown>; actor: { name: string | null; province: string | null; roles: string[] } | null }[];
}

/** The mutations the dashboard offers; each returns the commitment's new revision and status. */
const RESULT = '{ id revision status schedule }';
const MUTATION_ARGS = '$id: ID!, $expectedRevision: Int, $commandId: String';
const PASS_ARGS = 'id: $id, expectedRevision: $expectedRevision, commandId: $commandId';
export const MUTATIONS = {
  propose: gql`mutation Propose($input: ProposeCommitmentInput!, $commandId: String) { proposeCommitment(input: $input, commandId: $commandId) ${RESULT} }`,
  accept: gql`mutation Accept(${MUTATION_ARGS}) { acceptCommitment(${PASS_ARGS}) ${RESULT} }`,
  decline: gql`mutation Decline(${MUTATION_ARGS}, $reason: String!) { declineCommitment(${PASS_ARGS}, reason: $reason) ${RESULT} }`,
  withdraw: gql`mutation Withdraw(${MUTATION_ARGS}, $reason: String!) { withdrawCommitment(${PASS_ARGS}, reason: $reason) ${RESULT} }`,
  report: gql`mutation Report(${MUTATION_ARGS}, $input: ReportProgressInput!) { reportProgress(${PASS_ARGS}, input: $input) ${RESULT} }`,
  extend: gql`mutation Extend(${MUTATION_ARGS}, $newDeadline: Date!, $reason: String!) { requestDeadlineExtension(${PASS_ARGS}, newDeadline: $newDeadline, reason: $reason) ${RESULT} }`,
  claim: gql`mutation Claim(${MUTATION_ARGS}, $note: String!, $evidenceUrl: String) { claimFulfillment(${PASS_ARGS}, note: $note, evidenceUrl: $evidenceUrl) ${RESULT} }`,
  decide: gql`mutation Decide(${MUTATION_ARGS}, $approve: Boolean!, $note: String!) { decideDeadlineExtension(${PASS_ARGS}, approve: $approve, note: $note) ${RESULT} }`,
  verify: gql`mutation Verify(${MUTATION_ARGS}, $accepted: Boolean!, $note: String!) { verifyFulfillment(${PASS_ARGS}, accepted: $accepted, note: $note) ${RESULT} }`,
  cancel: gql`mutation Cancel(${MUTATION_ARGS}, $reason: String!) { cancelCommitment(${PASS_ARGS}, reason: $reason) ${RESULT} }`,
} as const;

/** A field-level problem the API named: `extensions.field` of a BAD_USER_INPUT error. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * What went wrong, for a form: the codes, and for BAD_USER_INPUT the fields named by
 * `extensions.field` ("indicator.target", "counterpartyProvinces[0]" → "counterpartyProvinces")
 * plus every field the five-point rule lists as missing.
 */
export function describeProblems(error: CombinedError): { codes: string[]; fields: FieldProblem[]; messages: string[] } {
  const codes: string[] = [];
  const fields: FieldProblem[] = [];
  const messages: string[] = [];
  for (const e of error.graphQLErrors) {
    const code = typeof e.extensions?.['code'] === 'string' ? e.extensions['code'] : 'ERROR';
    codes.push(code);
    const field = e.extensions?.['field'];
    if (code === 'BAD_USER_INPUT' && typeof field === 'string') {
      const reason = e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message;
      const missing = /missing ([\w.[\], ]+)$/.exec(reason)?.[1]?.split(', ') ?? [];
      for (const name of missing.length > 0 ? missing : [field]) fields.push({ field: name.replace(/\[\d+\]$/, ''), message: missing.length > 0 ? '' : reason });
    } else messages.push(e.message);
  }
  if (error.networkError) messages.push(error.networkError.message);
  return { codes, fields, messages };
}

/**
 * A client for one signed-in caller: HTTP for queries and mutations, graphql-ws for the
 * live subscription. `token` is read at each request and connection, so a renewed
 * access token is used without a new client (and without losing what is on screen).
 */
export function createApiClient(token: string | (() => string), origin = window.location.origin): { client: Client; dispose(): void } {
  const bearer = typeof token === 'function' ? token : () => token;
  const ws = createWsClient({
    url: `${origin.replace(/^http/, 'ws')}/graphql`,
    connectionParams: () => ({ authorization: `Bearer ${bearer()}` }),
    lazy: true,
    retryAttempts: 1_000,
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** retries))),
    shouldRetry: () => true,
  });
  const client = new Client({
    url: `${origin}/graphql`,
    // POST with a JSON body: the server's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${bearer()}` } }),
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  // dispose() waits for a connection being made; one the server refused (a token it
  // rejected) rejects that wait: nothing is left to close then.
  return { client, dispose: () => void Promise.resolve(ws.dispose()).catch(() => undefined) };
}
