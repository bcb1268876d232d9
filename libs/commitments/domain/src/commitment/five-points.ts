import { ValidationError } from '@council/platform/event-sourcing';

/** The five points every assignment must be clear on (rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả). */
export const FIVE_POINTS = {
  who: 'who (rõ người)',
  what: 'what (rõ việc)',
  byWhen: 'by when (rõ thời gian)',
  answerable: 'who answers for it (rõ trách nhiệm)',
  result: 'what result (rõ kết quả)',
} as const;

export type FivePoint = keyof typeof FIVE_POINTS;

/** A proposal that is not clear on one or more of the five points; names every missing field. */
export class IncompleteCommitmentError extends ValidationError {
  constructor(readonly missing: readonly { point: FivePoint; field: string }[]) {
    const points = [...new Set(missing.map((m) => m.point))].map((p) => FIVE_POINTS[p]);
    super(
      missing[0]?.field ?? 'input',
      `a commitment must be clear on ${points.join(', ')}: missing ${missing.map((m) => m.field).join(', ')}`,
    );
  }
}
