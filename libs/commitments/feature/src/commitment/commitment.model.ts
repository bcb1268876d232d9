import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BigIntScalar, DateScalar, DateTimeScalar, JSONScalar } from '@council/platform/nest';

export enum Track { TRANSPORT = 'transport', HEALTH = 'health', WORKFORCE = 'workforce' }
export enum CommitmentStatus {
  PROPOSED = 'proposed', ACTIVE = 'active', DECLINED = 'declined', WITHDRAWN = 'withdrawn',
  FULFILLMENT_CLAIMED = 'fulfillment_claimed', FULFILLED = 'fulfilled', CANCELLED = 'cancelled',
}
export enum ScheduleStatus { IN_TERM = 'IN_TERM', DUE_SOON = 'DUE_SOON', AT_RISK = 'AT_RISK', OVERDUE = 'OVERDUE', DONE_ON_TIME = 'DONE_ON_TIME', DONE_LATE = 'DONE_LATE', CLOSED = 'CLOSED' }
export enum EvidenceStatus { NO_REPORT = 'NO_REPORT', REPORTED = 'REPORTED', EVIDENCED = 'EVIDENCED', CONFIRMED = 'CONFIRMED', DISPUTED = 'DISPUTED' }
export enum BudgetSource { CENTRAL = 'central', PROVINCIAL = 'provincial', PPP = 'ppp', ODA = 'oda', OTHER = 'other' }

registerEnumType(Track, { name: 'Track', description: 'The council’s tracks: giao thông, y tế, nhân lực.' });
registerEnumType(CommitmentStatus, { name: 'CommitmentStatus', description: 'The lifecycle: what was decided.' });
registerEnumType(ScheduleStatus, { name: 'ScheduleStatus', description: 'Derived from the deadline and the clock (or asOf), never stored.' });
registerEnumType(EvidenceStatus, { name: 'EvidenceStatus', description: 'Whether what the committer reports is backed by evidence and confirmed.' });
registerEnumType(BudgetSource, { name: 'BudgetSource' });

@ObjectType({ description: 'A province as a party to a commitment, named as it was when the commitment was made.' })
export class ProvinceRef {
  @Field(() => String, { description: 'Official code, e.g. "74".' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { nullable: true, description: 'The province that answers for it today, when it was merged into another.' })
  answeredForBy?: string;
}

@ObjectType()
export class Counterparty extends ProvinceRef {
  @Field(() => Boolean) accepted!: boolean;
  @Field(() => DateScalar, { nullable: true }) acceptedOn?: string;
  @Field(() => String, { nullable: true, description: 'The province that accepted, when a successor acted after a merger.' }) actingProvince?: string;
}

@ObjectType()
export class Responsible {
  @Field(() => String) agency!: string;
  @Field(() => String) person!: string;
}

@ObjectType({ description: 'The measurable result: as promised (originalTarget) and as amended (target).' })
export class Indicator {
  @Field(() => String) name!: string;
  @Field(() => String) unit!: string;
  @Field(() => Float) baseline!: number;
  @Field(() => Float) originalTarget!: number;
  @Field(() => Float) target!: number;
  @Field(() => Float, { nullable: true, description: 'Latest reported value; null when nothing was reported (never zero).' }) actual?: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of the way from baseline to target (1 = reached); null with no report.' }) progress?: number | null;
}

@ObjectType()
export class SourceDocument {
  @Field(() => String) number!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => String) issuer!: string;
  @Field(() => String, { nullable: true }) url?: string;
}

@ObjectType()
export class PendingExtension {
  @Field(() => DateScalar) newDeadline!: string;
  @Field(() => String) reason!: string;
}

@ObjectType()
export class ProgressReport {
  @Field(() => DateScalar) reportedFor!: string;
  @Field(() => DateTimeScalar) recordedAt!: Date;
  @Field(() => Float) value!: number;
  @Field(() => BigIntScalar, { nullable: true }) disbursedVnd?: bigint;
  @Field(() => String, { nullable: true }) note?: string;
  @Field(() => String, { nullable: true }) evidenceUrl?: string;
}

@ObjectType()
export class Fulfilment {
  @Field(() => String, { description: 'The verifying counterparty’s code, or "council".' }) verifiedBy!: string;
  @Field(() => Boolean) onTime!: boolean;
  @Field(() => Int) daysLate!: number;
  @Field(() => DateTimeScalar) verifiedAt!: Date;
}

@ObjectType()
export class EventActor {
  @Field(() => String) subject!: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => [String]) roles!: string[];
  @Field(() => String, { nullable: true }) province?: string;
}

@ObjectType({ description: 'One recorded event of a commitment: what changed, who did it, when it was true and when it was recorded.' })
export class HistoryEntry {
  @Field(() => BigIntScalar, { description: 'Global position in the log.' }) position!: bigint;
  @Field(() => String) streamId!: string;
  @Field(() => Int) revision!: number;
  @Field(() => String) type!: string;
  @Field(() => JSONScalar) data!: unknown;
  @Field(() => EventActor, { nullable: true }) actor?: EventActor;
  @Field(() => String, { nullable: true }) commandId?: string;
  @Field(() => String, { nullable: true }) correlationId?: string;
  @Field(() => String, { nullable: true }) causationId?: string;
  @Field(() => DateTimeScalar) recordedAt!: Date;
  @Field(() => DateTimeScalar) effectiveAt!: Date;
  @Field(() => String, { description: 'sha256 chaining this event to the one before it in the stream.' }) hash!: string;
}

@ObjectType({ description: 'A promise one province makes to others: who, what, by when, who answers for it, what result.' })
export class Commitment {
  @Field(() => ID) id!: string;
  @Field(() => Track) track!: Track;
  @Field(() => String, { nullable: true }) projectId?: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) titleEn?: string;
  @Field(() => String) description!: string;
  @Field(() => ProvinceRef) committer!: ProvinceRef;
  @Field(() => [Counterparty]) counterparties!: Counterparty[];
  @Field(() => Responsible) responsible!: Responsible;
  @Field(() => SourceDocument, { nullable: true }) sourceDocument?: SourceDocument;
  @Field(() => CommitmentStatus) status!: CommitmentStatus;
  @Field(() => ScheduleStatus) schedule!: ScheduleStatus;
  @Field(() => EvidenceStatus) evidence!: EvidenceStatus;
  @Field(() => DateScalar) proposedOn!: string;
  @Field(() => DateScalar, { nullable: true }) activatedOn?: string;
  @Field(() => DateScalar) originalDeadline!: string;
  @Field(() => DateScalar) deadline!: string;
  @Field(() => PendingExtension, { nullable: true }) pendingExtension?: PendingExtension;
  @Field(() => Indicator) indicator!: Indicator;
  @Field(() => BigIntScalar, { nullable: true }) originalBudgetVnd?: bigint;
  @Field(() => BigIntScalar, { nullable: true }) budgetVnd?: bigint;
  @Field(() => BudgetSource, { nullable: true }) budgetSource?: BudgetSource;
  @Field(() => BigIntScalar, { nullable: true, description: 'Disbursed to date, as last reported.' }) disbursedVnd?: bigint;
  @Field(() => DateScalar, { nullable: true, description: 'The day the latest report was for: "no report received since" this day.' }) lastReportedAt?: string;
  @Field(() => [ProgressReport]) reports!: ProgressReport[];
  @Field(() => Fulfilment, { nullable: true }) fulfilment?: Fulfilment;
  @Field(() => [DateScalar], { description: 'Deadlines that passed with the promise still open.' }) missedDeadlines!: string[];
  @Field(() => Int, { description: 'Revision of the commitment’s stream: pass it as expectedRevision.' }) revision!: number;
  @Field(() => [HistoryEntry], { description: 'Every recorded event, oldest first.' }) history?: HistoryEntry[];
}
