import { daysBetween } from '@council/platform/event-sourcing';
import { type Region, TRACKS } from '@council/region/domain';
import type { CommitmentView } from '../commitment-view/commitment-view.js';
import { SCHEDULE, SCHEDULE_STATUSES } from '../commitment-view/statuses.js';
import { ascending, type DashboardOptions, type Judgement, judgementOf, type ProvinceView, tookEffect } from './judged-commitment.js';
import { lastReportedFor } from './report-summary.js';
import { countsOf, type ScheduleCounts, TrackTally, type TrackSummary } from './tallies.js';

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
  const judgement = judgementOf(views, today, region, options);
  // The council's tracks first, then the others as they come.
  const tracks = new Map<string, TrackTally>(TRACKS.map((track) => [track, new TrackTally()]));
  const matrix = new MatrixTally(judgement);
  const overdue: number[] = [];
  for (let i = 0; i < views.length; i++) {
    const view = views[i]!;
    const schedule = judgement.schedule(i);
    let tally = tracks.get(view.track);
    if (!tally) tracks.set(view.track, (tally = new TrackTally()));
    tally.add(view, schedule);
    if (tookEffect(view)) matrix.add(view, schedule);
    if (schedule === SCHEDULE.OVERDUE) overdue.push(i);
  }
  return {
    today,
    provinces: options.provinces,
    tracks: [...tracks].map(([track, tally]) => tally.summary(track)),
    matrix: matrix.matrix(),
    overdue: overdueList(judgement, overdue),
  };
}

interface CellTally {
  readonly committer: number;
  readonly counterparty: number;
  count: number;
  readonly bySchedule: number[];
}

/** The matrix's cells by committer and counterparty (indexes of provinces as shown), in the order first met. */
class MatrixTally {
  private readonly rows: (CellTally | undefined)[][] = [];
  private readonly cells: CellTally[] = [];
  /** Provinces in a cell, in the order first met (committer before counterparty). */
  private readonly provinces: number[] = [];
  private readonly inMatrix: boolean[] = [];

  constructor(private readonly judgement: Judgement) {}

  /** A commitment that took effect: one cell per distinct counterparty as shown. */
  add(view: CommitmentView, schedule: number): void {
    if (view.counterparties.length === 0) return;
    const committer = this.judgement.party(view.committer);
    const row = (this.rows[committer] ??= []);
    for (const counterparty of this.judgement.counterparties(view)) {
      this.met(committer);
      this.met(counterparty);
      let cell = row[counterparty];
      if (!cell) {
        cell = { committer, counterparty, count: 0, bySchedule: SCHEDULE_STATUSES.map(() => 0) };
        row[counterparty] = cell;
        this.cells.push(cell);
      }
      cell.count += 1;
      cell.bySchedule[schedule]! += 1;
    }
  }

  private met(province: number): void {
    if (this.inMatrix[province]) return;
    this.inMatrix[province] = true;
    this.provinces.push(province);
  }

  matrix(): CommitmentMatrix {
    const shown = this.judgement.shown;
    return {
      provinces: this.provinces.map((p) => shown[p]!).sort(ascending),
      cells: this.cells
        .map((cell) => ({ committer: shown[cell.committer]!, counterparty: shown[cell.counterparty]!, count: cell.count, bySchedule: countsOf(SCHEDULE_STATUSES, cell.bySchedule) }))
        .sort((a, b) => ascending(a.committer, b.committer) || ascending(a.counterparty, b.counterparty)),
    };
  }
}

/** The overdue views (indexes), longest overdue first. */
function overdueList(judgement: Judgement, overdue: readonly number[]): OverdueCommitment[] {
  const { views, today, shown } = judgement;
  return overdue
    .map((i) => {
      const view = views[i]!;
      return {
        id: view.id,
        title: view.title,
        track: view.track,
        committer: shown[judgement.party(view.committer)]!,
        counterparties: judgement.counterparties(view).map((c) => shown[c]!),
        deadline: view.deadline,
        daysOverdue: daysBetween(view.deadline, today),
        lastReportedAt: lastReportedFor(view),
      };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || ascending(a.id, b.id));
}
