import { type EventSchema, EventSchemas } from '@council/platform/event-sourcing';
import type { CommitmentProposed, ProgressReported } from './commitment.events.js';

/** CommitmentProposed as the 2023 pilot recorded it: one counterparty, flat responsibility, budget without source. */
interface CommitmentProposedV1 {
  commitmentId: string;
  committer: string;
  counterparty: string;
  track: CommitmentProposed['data']['track'];
  title: string;
  description: string;
  responsibleAgency: string;
  responsiblePerson: string;
  indicator: CommitmentProposed['data']['indicator'];
  deadline: string;
  budgetVnd?: string;
  proposedOn: string;
}

/** ProgressReported as the pilot recorded it: the day reported for was called `date`. */
type ProgressReportedV1 = Omit<ProgressReported['data'], 'reportedFor'> & { date: string };

const proposedV1toV2 = ({ counterparty, responsibleAgency, responsiblePerson, budgetVnd, ...rest }: CommitmentProposedV1): CommitmentProposed['data'] => ({
  ...rest,
  counterparties: [counterparty],
  responsible: { agency: responsibleAgency, person: responsiblePerson },
  // The pilot did not record where money came from.
  ...(budgetVnd !== undefined && { budget: { amountVnd: budgetVnd, source: 'other' as const } }),
});

const progressV1toV2 = ({ date, ...rest }: ProgressReportedV1): ProgressReported['data'] => ({ ...rest, reportedFor: date });

const schemas: EventSchema[] = [
  { type: 'CommitmentProposed', version: 2, upcasters: { 1: proposedV1toV2 } },
  { type: 'ProgressReported', version: 2, upcasters: { 1: progressV1toV2 } },
];

/** Current versions of the commitment events, and how to read the older ones. */
export const commitmentSchemas = new EventSchemas(schemas);
