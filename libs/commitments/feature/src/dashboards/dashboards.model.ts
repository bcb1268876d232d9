import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BigIntScalar, DateScalar } from '@council/platform/nest';
import { Project } from '@council/region/feature';
import { Commitment, CommitmentStatus, ProvinceRef, ScheduleStatus, Track } from '../commitment/commitment.model.js';

export enum ProvinceView { AS_THEY_WERE = 'as-they-were', AS_THEY_ARE = 'as-they-are' }

registerEnumType(ProvinceView, {
  name: 'ProvinceView',
  description: 'Which provinces the dashboards count by.',
  valuesMap: {
    AS_THEY_WERE: { description: 'Each commitment between the provinces it was made between.' },
    AS_THEY_ARE: { description: 'A merged province counted as its successor on the as-of day: a Bình Dương → Hồ Chí Minh City promise becomes internal to the city.' },
  },
});

@ObjectType()
export class StatusCount {
  @Field(() => CommitmentStatus) status!: CommitmentStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class ScheduleCount {
  @Field(() => ScheduleStatus) schedule!: ScheduleStatus;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Budget against disbursement over promises in force or kept that carry a budget (cancelled ones are left out).' })
export class BudgetTotals {
  @Field(() => Int) commitments!: number;
  @Field(() => BigIntScalar) budgetVnd!: bigint;
  @Field(() => BigIntScalar) disbursedVnd!: bigint;
  @Field(() => Int, { description: 'Budgeted commitments with no disbursement reported: they add nothing to disbursedVnd.' }) noDisbursementReport!: number;
  @Field(() => Float, { nullable: true, description: 'disbursedVnd ÷ budgetVnd (1 = all disbursed); null without budget.' }) disbursementRate?: number | null;
}

@ObjectType({ description: 'Targets against results for one unit, over promises in force or kept; the sums run over reported commitments only.' })
export class IndicatorTotal {
  @Field(() => String) unit!: string;
  @Field(() => Int) commitments!: number;
  @Field(() => Int) reported!: number;
  @Field(() => Int, { description: 'Never reported: left out of the sums, never counted as zero.' }) noReport!: number;
  @Field(() => Float, { nullable: true, description: 'Null when none was reported (also below).' }) baseline?: number | null;
  @Field(() => Float, { nullable: true }) originalTarget?: number | null;
  @Field(() => Float, { nullable: true, description: 'The current target, after amendments.' }) target?: number | null;
  @Field(() => Float, { nullable: true }) actual?: number | null;
}

@ObjectType({ description: 'One province’s commitments that took effect (every counterparty accepted).' })
export class ProvinceBreakdown {
  @Field(() => ProvinceRef) province!: ProvinceRef;
  @Field(() => Int) made!: number;
  @Field(() => Int) received!: number;
  @Field(() => Int, { description: 'Of those made: active, or a claim awaiting verification.' }) active!: number;
  @Field(() => Int, { description: 'Of those made: open with the deadline passed.' }) overdue!: number;
  @Field(() => Int, { description: 'Of those made: verified as kept.' }) fulfilled!: number;
}

@ObjectType()
export class UpcomingDeadline {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => ProvinceRef) committer!: ProvinceRef;
  @Field(() => DateScalar) deadline!: string;
  @Field(() => Int, { description: '0 on the deadline day.' }) daysLeft!: number;
  @Field(() => ScheduleStatus) schedule!: ScheduleStatus;
}

@ObjectType()
export class TrackSummary {
  @Field(() => Track) track!: Track;
  @Field(() => Int) total!: number;
  @Field(() => [StatusCount], { description: 'Every lifecycle status, zeros included.' }) byStatus!: StatusCount[];
  @Field(() => [ScheduleCount], { description: 'Every schedule status, zeros included.' }) bySchedule!: ScheduleCount[];
  @Field(() => Float, { nullable: true, description: 'Fulfilled on time ÷ fulfilled; null while none is fulfilled.' }) onTimeRate?: number | null;
  @Field(() => BudgetTotals) budget!: BudgetTotals;
}

@ObjectType({ description: 'One track: counts, on-time rate, indicator totals, money, provinces and what is due next.' })
export class TrackDashboard extends TrackSummary {
  @Field(() => DateScalar, { description: 'The day (Việt Nam) schedule statuses are judged on.' }) asOfDay!: string;
  @Field(() => ProvinceView) provinces!: ProvinceView;
  @Field(() => [IndicatorTotal]) indicators!: IndicatorTotal[];
  @Field(() => [ProvinceBreakdown]) byProvince!: ProvinceBreakdown[];
  @Field(() => [UpcomingDeadline], { description: 'Open commitments due within 30 days, soonest first.' }) upcomingDeadlines!: UpcomingDeadline[];
}

@ObjectType()
export class CommitmentRef {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => Track) track!: Track;
  @Field(() => DateScalar) deadline!: string;
}

@ObjectType({ description: 'No report received since this day: the oldest latest report among the province’s active commitments.' })
export class NoReportSince {
  @Field(() => DateScalar, { description: 'The day that report was for.' }) since!: string;
  @Field(() => Int) days!: number;
  @Field(() => CommitmentRef) commitment!: CommitmentRef;
}

@ObjectType({ description: 'How a province keeps its word, over commitments that took effect. made = fulfilledOnTime + fulfilledLate + inTerm + overdue + cancelled.' })
export class ProvinceScorecard {
  @Field(() => ProvinceRef, { description: 'With AS_THEY_ARE, a merged province is answered for by its successor.' }) province!: ProvinceRef;
  @Field(() => DateScalar) asOfDay!: string;
  @Field(() => ProvinceView) provinces!: ProvinceView;
  @Field(() => Int) made!: number;
  @Field(() => Int) received!: number;
  @Field(() => Int, { description: 'Made to itself (both sides merged into it); also counted in made and received.' }) internal!: number;
  @Field(() => Int) fulfilledOnTime!: number;
  @Field(() => Int) fulfilledLate!: number;
  @Field(() => Int, { description: 'Open with the deadline ahead, or claimed by it; dueSoon and atRisk are part of it.' }) inTerm!: number;
  @Field(() => Int) dueSoon!: number;
  @Field(() => Int) atRisk!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int) cancelled!: number;
  @Field(() => Float, { nullable: true, description: 'Fulfilled ÷ (fulfilled + overdue); null when nothing is due yet.' }) fulfilmentRate?: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean days late of late fulfilments; null when none was late.' }) averageDelayDays?: number | null;
  @Field(() => BudgetTotals, { description: 'Over the commitments it made.' }) budget!: BudgetTotals;
  @Field(() => NoReportSince, { nullable: true }) noReportSince?: NoReportSince | null;
  @Field(() => [CommitmentRef], { description: 'Its active commitments with no report received at all.' }) neverReported!: CommitmentRef[];
}

@ObjectType()
export class MatrixCell {
  @Field(() => String, { description: 'Code of the committer (row).' }) committer!: string;
  @Field(() => String, { description: 'Code of the counterparty (column).' }) counterparty!: string;
  @Field(() => Int) count!: number;
  @Field(() => [ScheduleCount]) bySchedule!: ScheduleCount[];
}

@ObjectType({ description: 'Committer row → counterparty column over commitments that took effect; non-empty cells only.' })
export class CommitmentMatrix {
  @Field(() => [ProvinceRef]) provinces!: ProvinceRef[];
  @Field(() => [MatrixCell]) cells!: MatrixCell[];
}

@ObjectType()
export class OverdueCommitment {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => Track) track!: Track;
  @Field(() => ProvinceRef) committer!: ProvinceRef;
  @Field(() => [ProvinceRef]) counterparties!: ProvinceRef[];
  @Field(() => DateScalar) deadline!: string;
  @Field(() => Int) daysOverdue!: number;
  @Field(() => DateScalar, { nullable: true, description: 'The day the latest report was for; null when none was ever received.' }) lastReportedAt?: string | null;
}

@ObjectType({ description: 'The region at a glance: each track, who promised what to whom, and what is overdue.' })
export class RegionOverview {
  @Field(() => DateScalar) asOfDay!: string;
  @Field(() => ProvinceView) provinces!: ProvinceView;
  @Field(() => [TrackSummary]) tracks!: TrackSummary[];
  @Field(() => CommitmentMatrix) matrix!: CommitmentMatrix;
  @Field(() => [OverdueCommitment], { description: 'Longest overdue first.' }) overdue!: OverdueCommitment[];
}

@ObjectType({ description: 'One regional project: its commitments, counted and summed as a track dashboard is, and listed soonest deadline first.' })
export class ProjectDashboard extends TrackDashboard {
  @Field(() => Project) project!: Project;
  @Field(() => [Commitment], { description: 'Every commitment made under the project, soonest deadline first.' }) commitments!: Commitment[];
}
