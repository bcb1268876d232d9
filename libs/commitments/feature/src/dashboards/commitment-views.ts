import type { CommitmentView } from '@council/commitments/read-models';

/**
 * Every commitment's view, as it stands, as it stood at a moment (only what was recorded
 * up to then), or as things were on the ground on a day (only facts effective by then).
 * The dashboards read through this port; the projector's read models and the log provide
 * it, so the dashboards know nothing of storage. An array handed out is never changed
 * afterwards (a change gives a new array): the dashboards keep what they worked out of an
 * array, by index, for as long as the array lives (`judgementOf`).
 */
export abstract class CommitmentViews {
  abstract current(): Promise<readonly CommitmentView[]>;
  abstract asOf(moment: Date): Promise<readonly CommitmentView[]>;
  /**
   * Facts effective by the end of `day` in Việt Nam (a progress report counts from the day
   * it reports for, not the day it was filed), as recorded by `recordedBy` (default: all).
   */
  abstract effectiveOn(day: string, recordedBy?: Date): Promise<readonly CommitmentView[]>;

  /**
   * Changes whenever the views may have changed (e.g. the read models' position), so an
   * answer computed from them can be reused while it stays the same; undefined: never reuse.
   */
  stamp(): string | undefined {
    return undefined;
  }
}
