import type { Actor } from '@council/platform/event-sourcing';
import { regionFrom, SOUTHEAST_REGION } from '@council/region/domain';
import type { CommitmentCommand, ProposeCommitment } from './commitment/commitment.commands.js';
import type { CommitmentProposed } from './commitment/commitment.events.js';

/** Builders for the commitment specs: the real region, actors, commands at a moment. */
export const region = regionFrom(SOUTHEAST_REGION, { subject: 'seed', roles: ['council'] }).region;

export const province = (code: string): Actor => ({ subject: `officer-${code}`, roles: ['province'], province: code });
export const council: Actor = { subject: 'secretariat-1', roles: ['council'] };
export const auditor: Actor = { subject: 'auditor-1', roles: ['auditor'] };

/** A command of `type` by `actor` at noon, Việt Nam time, on `day`. */
export function command<C extends CommitmentCommand>(type: C['type'], data: C['data'], actor: Actor, day: string): C {
  return { type, data, metadata: { now: new Date(`${day}T12:00:00+07:00`), actor }, context: { region } } as C;
}

export const COMMITMENT_ID = 'c-vd3-thuan-an';

export const proposal = (overrides: Partial<ProposeCommitment['data']> = {}): ProposeCommitment['data'] => ({
  commitmentId: COMMITMENT_ID,
  track: 'transport',
  projectId: 'vanh-dai-3',
  title: 'Bàn giao 100% mặt bằng đoạn Vành đai 3 qua Thuận An',
  description: 'Hoàn thành giải phóng mặt bằng và bàn giao cho chủ đầu tư.',
  counterparties: ['79', '75'],
  responsible: { agency: 'Sở Giao thông Vận tải Bình Dương', person: 'Phó Giám đốc Nguyễn Văn An' },
  indicator: { name: 'Mặt bằng đã bàn giao', unit: 'km', baseline: 0, target: 47 },
  deadline: '2024-06-30',
  budget: { amountVnd: '2500000000000', source: 'provincial' },
  ...overrides,
});

/** The event a valid proposal by Bình Dương on 2024-01-10 records. */
export const proposed = (overrides: Partial<CommitmentProposed['data']> = {}): CommitmentProposed => ({
  type: 'CommitmentProposed',
  data: {
    commitmentId: COMMITMENT_ID,
    committer: '74',
    counterparties: ['79', '75'],
    track: 'transport',
    projectId: 'vanh-dai-3',
    title: 'Bàn giao 100% mặt bằng đoạn Vành đai 3 qua Thuận An',
    description: 'Hoàn thành giải phóng mặt bằng và bàn giao cho chủ đầu tư.',
    responsible: { agency: 'Sở Giao thông Vận tải Bình Dương', person: 'Phó Giám đốc Nguyễn Văn An' },
    indicator: { name: 'Mặt bằng đã bàn giao', unit: 'km', baseline: 0, target: 47 },
    deadline: '2024-06-30',
    budget: { amountVnd: '2500000000000', source: 'provincial' },
    proposedOn: '2024-01-10',
    ...overrides,
  },
});
