import { daysBetween } from '@council/platform/event-sourcing';
import { type Region, TRACKS } from '@council/region/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import { ascending, type DashboardOptions, judge, type JudgedCommitment, type ProvinceView, tookEffect } from './judged-commitment.js';
import { lastReportedFor } from './report-summary.js';
import { countBy, SCHEDULE_STATUSES, type ScheduleCounts, summarise, type TrackSummary } from './tallies.js';

/** Commitments that took effect from one committer to one counterparty. */
export interface MatrixCell {
  readonly committer: string;
  readonly counterparty: string;
  readonly count: number;
  readonly bySchedule: ScheduleCounts;
}

/**
 * Committer row → counterparty column, non-empty cells only. A commitment to two
 * counterparties sits in two cells; one made internal by a merger sits on the diagonal.
 */
export interface CommitmentMatrix {
  readonly provinces: readonly string[];
  readonly cells: readonly MatrixCell[];
}

export interface OverdueCommitment {
  readonly id: string;
  readonly title: string;
  readonly track: string;
  readonly committer: string;
  readonly counterparties: readonly string[];
  readonly deadline: string;
  readonly daysOverdue: number;
  /** The day the latest report was for; null when no report was ever received. */
  readonly lastReportedAt: string | null;
}

export interface RegionOverview {
  readonly today: string;
  readonly provinces: ProvinceView;
  /** The council's tracks first, then any other track that has commitments. */
  readonly tracks: readonly TrackSummary[];
  readonly matrix: CommitmentMatrix;
  /** Every commitment whose schedule is overdue, longest overdue first. */
  readonly overdue: readonly OverdueCommitment[];
}

export function regionOverview(views: readonly CommitmentView[], today: string, region: Region, options: DashboardOptions): RegionOverview {
  const judged = judge(views, today, region, options);
  const tracks = [...new Set<string>([...TRACKS, ...views.map((v) => v.track)])];
  return {
    today,
    provinces: options.provinces,
    tracks: tracks.map((track) => summarise(track, judged.filter((j) => j.view.track === track))),
    matrix: matrix(judged.filter((j) => tookEffect(j.view))),
    overdue: overdueList(judged, today),
  };
}

function matrix(effective: readonly JudgedCommitment[]): CommitmentMatrix {
  const pairs = effective.flatMap((j) => j.counterparties.map((counterparty) => ({ committer: j.committer, counterparty, schedule: j.schedule })));
  const cells = Map.groupBy(pairs, (p) => `${p.committer}→${p.counterparty}`);
  return {
    provinces: [...new Set(pairs.flatMap((p) => [p.committer, p.counterparty]))].sort(ascending),
    cells: [...cells.values()]
      .map((inCell) => ({
        committer: inCell[0]!.committer,
        counterparty: inCell[0]!.counterparty,
        count: inCell.length,
        bySchedule: countBy(SCHEDULE_STATUSES, inCell, (p) => p.schedule),
      }))
      .sort((a, b) => ascending(a.committer, b.committer) || ascending(a.counterparty, b.counterparty)),
  };
}

function overdueList(judged: readonly JudgedCommitment[], today: string): OverdueCommitment[] {
  return judged
    .filter((j) => j.schedule === 'OVERDUE')
    .map(({ view, committer, counterparties }) => ({
      id: view.id,
      title: view.title,
      track: view.track,
      committer,
      counterparties,
      deadline: view.deadline,
      daysOverdue: daysBetween(view.deadline, today),
      lastReportedAt: lastReportedFor(view),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || ascending(a.id, b.id));
}
