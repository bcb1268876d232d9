/**
 * The writing workload of `bench:commands`: what a province's system sends when it
 * reports progress on the commitments it made and now and then proposes a new one.
 * Every answer is checked; wrong ones are tallied with a sample.
 */
import type { LoadClient } from '../support/http-load.js';

/** What the UI shows after a report: the fields a report changes, and enough to show the row. */
export const REPORT = `mutation Report($id: ID!, $input: ReportProgressInput!, $expectedRevision: Int, $commandId: String) {
  reportProgress(id: $id, input: $input, expectedRevision: $expectedRevision, commandId: $commandId) {
    id status revision evidence schedule lastReportedAt disbursedVnd indicator { target actual progress }
  }
}`;

export const PROPOSE = `mutation Propose($input: ProposeCommitmentInput!, $commandId: String) {
  proposeCommitment(input: $input, commandId: $commandId) {
    id status revision deadline committer { code name } counterparties { code accepted }
  }
}`;

export const ACCEPT = `mutation Accept($id: ID!, $expectedRevision: Int) {
  acceptCommitment(id: $id, expectedRevision: $expectedRevision) { id status revision }
}`;

export const TRIVIAL_BODY = JSON.stringify({ query: '{ __typename }' });

const PLACES = ['nút giao Tân Vạn', 'đoạn Vành đai 3 qua Nhơn Trạch', 'cầu Nhơn Trạch', 'kênh Thầy Cai', 'trạm bơm Hóa An'] as const;

/** A calendar day in Việt Nam (UTC+7), `offsetDays` from today: the server's idea of today. */
export function vietnamDay(offsetDays: number, now = new Date()): string {
  return new Date(now.getTime() + offsetDays * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A complete proposal (the five-point rule) by the committer to `counterparty`. */
export function proposal(i: number, counterparty: string, label: string): Record<string, unknown> {
  const place = PLACES[i % PLACES.length]!;
  return {
    track: 'TRANSPORT',
    title: `Bàn giao mặt bằng ${place} – ${label} ${i}`,
    description: 'Hoàn thành giải phóng mặt bằng và bàn giao cho chủ đầu tư đúng tiến độ đã thống nhất tại hội nghị vùng.',
    counterpartyProvinces: [counterparty],
    projectId: 'vanh-dai-3',
    responsible: { agency: 'Sở Xây dựng TP. Hồ Chí Minh', person: 'Phó Giám đốc Sở' },
    indicator: { name: 'Mặt bằng đã bàn giao', unit: 'ha', baseline: 0, target: 120 },
    deadline: vietnamDay(220 + (i % 90)),
    budget: { amountVnd: String(2_500_000_000_000 + i * 1_000_000), source: 'PROVINCIAL' },
  };
}

type ErrorBody = { message?: string; extensions?: { code?: string; conflict?: string } };
type AnswerBody = { data?: Record<string, unknown> | null; errors?: ErrorBody[] };

/** Counts of checked answers, and the first answer of each kind of error. */
export class Tally {
  readonly ok = new Map<string, number>();
  conflicts = 0;
  errors = 0;
  /** Answers that never came: connection errors and timeouts. */
  transportErrors = 0;
  readonly samples = new Map<string, { count: number; sample: string }>();

  good(kind: string): 1 {
    this.ok.set(kind, (this.ok.get(kind) ?? 0) + 1);
    return 1;
  }

  conflict(): 0 {
    this.conflicts++;
    return 0;
  }

  error(kind: string, key: string, sample: string): 0 {
    this.errors++;
    const name = `${kind}: ${key}`;
    const seen = this.samples.get(name);
    if (seen) seen.count++;
    else this.samples.set(name, { count: 1, sample: sample.slice(0, 400) });
    return 0;
  }

  /** The first sample of each kind of error, one line each. */
  describeErrors(): string[] {
    return [...this.samples].map(([name, { count, sample }]) => `  ${count} × ${name} — e.g. ${sample}`);
  }

  toJSON(): Record<string, unknown> {
    return {
      ok: Object.fromEntries(this.ok),
      conflicts: this.conflicts,
      errors: this.errors,
      transportErrors: this.transportErrors,
      errorSamples: Object.fromEntries([...this.samples].map(([name, value]) => [name, value])),
    };
  }
}

/**
 * Parses an answer and returns the field's value when the answer is a success; counts
 * CONFLICT (every error CONFLICT) and any other error (with a sample) otherwise.
 */
export function checkAnswer(tally: Tally, kind: string, field: string, status: number, text: string): unknown {
  let body: AnswerBody;
  try {
    body = JSON.parse(text) as AnswerBody;
  } catch {
    tally.error(kind, `HTTP ${status}, not JSON`, text);
    return undefined;
  }
  const errors = body.errors ?? [];
  if (errors.length > 0) {
    if (errors.every((e) => e.extensions?.code === 'CONFLICT')) {
      tally.conflict();
      return undefined;
    }
    const codes = [...new Set(errors.map((e) => e.extensions?.code ?? 'no code'))].join(', ');
    tally.error(kind, `HTTP ${status} ${codes}`, errors.map((e) => e.message ?? '').join(' | '));
    return undefined;
  }
  const value = body.data?.[field];
  if (status !== 200 || value === undefined || value === null) {
    tally.error(kind, `HTTP ${status} without ${field}`, text);
    return undefined;
  }
  return value;
}

/** A trivial-query client: `{ __typename }`, answer checked to be exactly that. */
export function trivialClient(tally: Tally): LoadClient {
  return {
    next: () => TRIVIAL_BODY,
    answer: (status, text) => {
      const value = checkAnswer(tally, '{ __typename }', '__typename', status, text);
      if (value === undefined) return 0;
      return value === 'Query' ? tally.good('{ __typename }') : tally.error('{ __typename }', 'unexpected answer', text);
    },
  };
}

/** What the mutation clients share across rounds: the active commitments and what they know of them. */
export interface MixState {
  /** The active commitments, committed by the caller's province. */
  readonly commitments: readonly string[];
  /** The revision each commitment had in its last answer; undefined while a request is out or after one was lost. */
  readonly known: (number | undefined)[];
  /** Where each client (by concurrency and index) goes on in its share, from one round to the next. */
  readonly cursors: Map<string, number>;
  /** Counts proposals, so that titles and command ids stay unique. */
  proposals: number;
  /** Reports sent so far, for unique command ids and changing values. */
  reports: number;
  /** The committer's counterparty in new proposals. */
  readonly counterparty: string;
  /** A run-unique prefix for command ids. */
  readonly run: string;
}

/**
 * Client `index` of `clients`: it owns the commitments whose position ≡ index (mod
 * clients), so no two clients write one stream; it reports progress on them in turn
 * with the revision it last saw (optimistic concurrency, as a UI does) and a command id
 * (idempotent retries), and every `proposeEvery`-th request proposes a new commitment.
 */
export function mutationClient(state: MixState, tally: Tally, clients: number, index: number, proposeEvery: number): LoadClient {
  const owned: number[] = [];
  for (let slot = index; slot < state.commitments.length; slot += clients) owned.push(slot);
  if (owned.length === 0) throw new Error(`client ${index} of ${clients} owns no commitment: create at least ${clients}`);
  const cursorKey = `${clients}/${index}`;
  let sent = 0;
  let pending: { kind: 'report'; slot: number } | { kind: 'propose' } = { kind: 'propose' };
  return {
    next: () => {
      sent++;
      if (sent % proposeEvery === 0) {
        const n = state.proposals++;
        pending = { kind: 'propose' };
        return JSON.stringify({ query: PROPOSE, variables: { input: proposal(n, state.counterparty, 'đề xuất'), commandId: `${state.run}-p${n}` } });
      }
      const cursor = state.cursors.get(cursorKey) ?? 0;
      state.cursors.set(cursorKey, cursor + 1);
      const slot = owned[cursor % owned.length]!;
      const expectedRevision = state.known[slot];
      state.known[slot] = undefined;
      const n = state.reports++;
      pending = { kind: 'report', slot };
      const input = {
        value: Math.round(((n % 1200) / 10) * 10) / 10,
        disbursedVnd: String(900_000_000_000 + (n % 1000) * 1_000_000),
        reportedFor: vietnamDay(-1 - (n % 28)),
        evidenceUrl: `https://sxd.hochiminhcity.gov.vn/bien-ban/${n}.pdf`,
        ...(n % 4 === 0 && { note: 'Đã bàn giao thêm phần diện tích theo biên bản hiện trường.' }),
      };
      return JSON.stringify({
        query: REPORT,
        variables: { id: state.commitments[slot], input, commandId: `${state.run}-r${n}`, ...(expectedRevision !== undefined && { expectedRevision }) },
      });
    },
    answer: (status, text) => {
      if (pending.kind === 'propose') {
        const value = checkAnswer(tally, 'proposeCommitment', 'proposeCommitment', status, text) as Record<string, unknown> | undefined;
        if (!value) return 0;
        if (value['status'] !== 'PROPOSED' || value['revision'] !== 0)
          return tally.error('proposeCommitment', 'unexpected answer', JSON.stringify(value));
        return tally.good('proposeCommitment');
      }
      const slot = pending.slot;
      const value = checkAnswer(tally, 'reportProgress', 'reportProgress', status, text) as Record<string, unknown> | undefined;
      if (!value) return 0;
      if (value['id'] !== state.commitments[slot] || value['status'] !== 'ACTIVE' || typeof value['revision'] !== 'number')
        return tally.error('reportProgress', 'unexpected answer', JSON.stringify(value));
      state.known[slot] = value['revision'];
      return tally.good('reportProgress');
    },
  };
}
