import type { Budget } from '@council/commitments/domain';
import type { Actor } from '@council/platform/event-sourcing';
import type { LegalBasis, Track } from '@council/region/domain';
import { actingProvince, COUNCIL_SECRETARIAT, DEADLINE_WATCHER, evidenceLink, provinceOffice } from './actors.js';
import { daysAfter, type DemoCommand, type DemoStep, minutesAfter, vietnamTime } from './demo-step.js';

/** The promise as the committer writes it down: the five points, plus budget and source. */
export interface CommitmentSpec {
  readonly id: string;
  /** The committer's province code. */
  readonly by: string;
  /** The counterparties' province codes. */
  readonly to: readonly string[];
  readonly track: Track;
  readonly project?: string;
  readonly title: string;
  readonly titleEn?: string;
  readonly description?: string;
  readonly responsible: { readonly agency: string; readonly person: string };
  readonly indicator: { readonly name: string; readonly unit: string; readonly baseline?: number; readonly target: number };
  readonly deadline: string;
  readonly budget?: Budget;
  readonly source?: LegalBasis;
}

export interface ReportDetails {
  /** The day the report was filed; five days after the day it reports for unless said. */
  readonly on?: string;
  /** Disbursed to date, in đồng. */
  readonly disbursed?: string;
  readonly note?: string;
  /** Path of the supporting document on the acting province's portal. */
  readonly evidence?: string;
}

// Office hours, Việt Nam time: every step falls on the same calendar day in UTC too.
const TIME = {
  propose: '09:00', accept: '14:00', decline: '15:00', withdraw: '10:30', report: '16:00', request: '10:00',
  decide: '15:30', amend: '11:00', claim: '09:30', verify: '14:30', cancel: '11:30', watch: '07:15',
} as const;

/**
 * One commitment told as a story, oldest step first: `commitment({...}).proposed(day)
 * .accepted(day, '79').reported(asOf, value)...`. Each step gets the actor the domain
 * expects on that day: the province itself, or its successor after the 2025 mergers.
 */
export class Story {
  private readonly recorded: DemoStep[] = [];
  private deadline: string;
  private pendingExtension: string | undefined;

  constructor(readonly spec: CommitmentSpec) {
    this.deadline = spec.deadline;
  }

  get steps(): readonly DemoStep[] {
    return this.recorded;
  }

  proposed(day: string): this {
    const { id, by: _, to, project, indicator, budget, source, titleEn, description, ...rest } = this.spec;
    const data = {
      commitmentId: id,
      ...rest,
      counterparties: [...to],
      indicator: { baseline: 0, ...indicator },
      ...(project && { projectId: project }),
      ...(titleEn && { titleEn }),
      ...(description && { description }),
      ...(budget && { budget }),
      ...(source && { sourceDocument: source }),
    };
    return this.add(day, TIME.propose, this.committer(day), { type: 'ProposeCommitment', data });
  }

  accepted(day: string, party: string): this {
    return this.add(day, TIME.accept, this.province(party, day), { type: 'AcceptCommitment', data: {} });
  }

  declined(day: string, party: string, reason: string): this {
    return this.add(day, TIME.decline, this.province(party, day), { type: 'DeclineCommitment', data: { reason } });
  }

  withdrawn(day: string, reason: string): this {
    return this.add(day, TIME.withdraw, this.committer(day), { type: 'WithdrawCommitment', data: { reason } });
  }

  /** A progress figure as of `asOf`, filed `details.on` by the committer (or its successor). */
  reported(asOf: string, value: number, details: ReportDetails = {}): this {
    const on = details.on ?? daysAfter(asOf, 5);
    const data = {
      value,
      reportedFor: asOf,
      ...(details.disbursed && { disbursedVnd: details.disbursed }),
      ...(details.note && { note: details.note }),
      ...(details.evidence && { evidenceUrl: this.evidence(on, details.evidence) }),
    };
    return this.add(on, TIME.report, this.committer(on), { type: 'ReportProgress', data });
  }

  extensionRequested(day: string, newDeadline: string, reason: string): this {
    this.pendingExtension = newDeadline;
    return this.add(day, TIME.request, this.committer(day), { type: 'RequestDeadlineExtension', data: { newDeadline, reason } });
  }

  extensionApproved(day: string, note: string): this {
    this.deadline = this.pendingExtension ?? this.deadline;
    this.pendingExtension = undefined;
    return this.add(day, TIME.decide, COUNCIL_SECRETARIAT, { type: 'DecideDeadlineExtension', data: { approve: true, note } });
  }

  extensionRejected(day: string, note: string): this {
    this.pendingExtension = undefined;
    return this.add(day, TIME.decide, COUNCIL_SECRETARIAT, { type: 'DecideDeadlineExtension', data: { approve: false, note } });
  }

  /** Target or budget changed by the council at the committer's request. */
  amended(day: string, change: { target?: number; budgetVnd?: string; reason: string }): this {
    return this.add(day, TIME.amend, COUNCIL_SECRETARIAT, { type: 'AmendCommitment', data: change });
  }

  /** The watcher's record, the morning after the current deadline. */
  deadlineMissed(): this {
    return this.add(daysAfter(this.deadline, 1), TIME.watch, DEADLINE_WATCHER, { type: 'RecordDeadlineMissed', data: {} });
  }

  claimed(day: string, note: string, evidence?: string): this {
    const data = { note, ...(evidence && { evidenceUrl: this.evidence(day, evidence) }) };
    return this.add(day, TIME.claim, this.committer(day), { type: 'ClaimFulfillment', data });
  }

  /** Confirmed by a counterparty (its code) or by the council. */
  verified(day: string, by: string, note: string): this {
    return this.add(day, TIME.verify, this.verifier(by, day), { type: 'VerifyFulfillment', data: { accepted: true, note } });
  }

  disputed(day: string, by: string, note: string): this {
    return this.add(day, TIME.verify, this.verifier(by, day), { type: 'VerifyFulfillment', data: { accepted: false, note } });
  }

  cancelled(day: string, reason: string): this {
    return this.add(day, TIME.cancel, COUNCIL_SECRETARIAT, { type: 'CancelCommitment', data: { reason } });
  }

  private province(code: string, day: string): Actor {
    return provinceOffice(actingProvince(code, day), day);
  }

  private committer(day: string): Actor {
    return this.province(this.spec.by, day);
  }

  private verifier(by: string, day: string): Actor {
    return by === 'council' ? COUNCIL_SECRETARIAT : this.province(by, day);
  }

  private evidence(day: string, path: string): string {
    return evidenceLink(actingProvince(this.spec.by, day), day, path);
  }

  private add(day: string, time: string, actor: Actor, command: DemoCommand): this {
    const last = this.recorded.at(-1);
    let at = vietnamTime(day, time);
    if (last && day < last.at.slice(0, 10)) throw new Error(`${this.spec.id}: ${command.type} on ${day} comes before the step at ${last.at}`);
    // Two steps on one day keep the order they are told in.
    if (last && Date.parse(at) <= Date.parse(last.at)) at = minutesAfter(last.at, 20);
    this.recorded.push({ at, stream: this.spec.id, command, actor });
    return this;
  }
}

export const commitment = (spec: CommitmentSpec): Story => new Story(spec);
