import { SignJWT } from 'jose';
import { TEST_SECRET } from './server.js';

export interface Caller {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly ('province' | 'council' | 'auditor')[];
  readonly province?: string;
}

export const COMMITTER: Caller = { sub: 'rel-79', name: 'Lê Hoàng Phúc', roles: ['province'], province: '79' };
export const COUNTERPARTY: Caller = { sub: 'rel-75', name: 'Võ Quốc Bảo', roles: ['province'], province: '75' };
export const COUNCIL: Caller = { sub: 'rel-council', name: 'Nguyễn Văn Thành', roles: ['council'] };
export const AUDITOR: Caller = { sub: 'rel-auditor', name: 'Trần Thị Ngọc Ánh', roles: ['auditor'] };

/** An HS256 token for `caller`, valid for a day. */
export function tokenFor(caller: Caller, secret = TEST_SECRET): Promise<string> {
  const now = Math.floor(new Date().getTime() / 1000);
  return new SignJWT({ ...caller, roles: [...caller.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + 86_400)
    .sign(new TextEncoder().encode(secret));
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
  };
}

/** POST /graphql; rejects only when no HTTP answer came (connection refused or reset). */
export async function gql(url: string, token: string | undefined, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as Answer['body'] };
  } catch {
    throw new Error(`not JSON (${response.status}): ${text.slice(0, 300)}`);
  }
}

export const codes = (answer: Answer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);

/** A calendar day in Việt Nam (UTC+7), `offsetDays` from today. */
export const vietnamDay = (offsetDays: number) => new Date(new Date().getTime() + offsetDays * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

export const PROPOSE = `mutation ($input: ProposeCommitmentInput!, $commandId: String) {
  proposeCommitment(input: $input, commandId: $commandId) { id status revision } }`;
export const ACCEPT = `mutation ($id: ID!, $commandId: String, $expectedRevision: Int) {
  acceptCommitment(id: $id, commandId: $commandId, expectedRevision: $expectedRevision) { id status revision } }`;
export const REPORT = `mutation ($id: ID!, $input: ReportProgressInput!, $commandId: String, $expectedRevision: Int) {
  reportProgress(id: $id, input: $input, commandId: $commandId, expectedRevision: $expectedRevision) { id status revision } }`;

/** A complete proposal by 79 to 75. */
export function proposal(label: string): Record<string, unknown> {
  return {
    track: 'TRANSPORT',
    title: `Bàn giao mặt bằng nút giao Tân Vạn – ${label}`,
    description: 'Hoàn thành giải phóng mặt bằng và bàn giao cho chủ đầu tư.',
    counterpartyProvinces: ['75'],
    responsible: { agency: 'Sở Xây dựng', person: 'Phó Giám đốc Sở' },
    indicator: { name: 'Mặt bằng đã bàn giao', unit: 'ha', baseline: 0, target: 120 },
    deadline: vietnamDay(220),
    budget: { amountVnd: '2500000000000', source: 'PROVINCIAL' },
  };
}

export const report = (n: number) => ({ value: n % 120, reportedFor: vietnamDay(-1), disbursedVnd: String(1_000_000 * n) });

/** The log's head position, as /health reports it. */
export async function headOf(url: string): Promise<number> {
  const body = (await (await fetch(`${url}/health`)).json()) as { details: { eventStore: { head: number } } };
  return body.details.eventStore.head;
}
