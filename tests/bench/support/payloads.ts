import type { JsonObject, NewEvent } from '@council/platform/event-sourcing';

const PROVINCES = ['79', '74', '75', '72', '70', '77'] as const;
const PROVINCE_NAMES = ['TP. Hồ Chí Minh', 'Bình Dương', 'Đồng Nai', 'Tây Ninh', 'Bình Phước', 'Bà Rịa - Vũng Tàu'] as const;
const TITLES = [
  'Xây dựng đoạn Vành đai 4 qua địa bàn tỉnh',
  'Nạo vét luồng sông Đồng Nai phục vụ vận tải thủy',
  'Bàn giao mặt bằng cao tốc Biên Hòa - Vũng Tàu',
  'Kết nối hệ thống cấp nước liên tỉnh vùng Đông Nam Bộ',
] as const;
const PEOPLE = ['Nguyễn Thị Hồng', 'Trần Văn Đức', 'Lê Hoàng Phúc', 'Phạm Ngọc Ánh'] as const;

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

/** A deterministic UUID-shaped string for index `i` (ids of commitments, commands…). */
export function benchUuid(i: number, salt = 0): string {
  const hex = (i * 2654435761 + salt * 40503).toString(16).padStart(12, '0').slice(-12);
  return `0b5e${(salt & 0xffff).toString(16).padStart(4, '0')}-0000-4000-8000-${hex}`;
}

/** The data of a realistic commitment event, about 500 bytes of JSON with Vietnamese text. */
export function commitmentData(i: number): JsonObject {
  const from = pick(PROVINCES, i);
  const to = pick(PROVINCES, i + 1);
  return {
    commitmentId: benchUuid(i, 1),
    title: `${pick(TITLES, i)} (${pick(PROVINCE_NAMES, i)}) – hạng mục ${i}`,
    description: 'Tỉnh cam kết hoàn thành giải phóng mặt bằng và bố trí vốn đối ứng đúng tiến độ đã thống nhất tại hội nghị vùng.',
    fromProvince: from,
    toProvinces: [to, pick(PROVINCES, i + 3)],
    track: pick(['infrastructure', 'water', 'logistics', 'digital'], i),
    amountVnd: `${1_250_000_000_000 + i * 1_000_000}`,
    dueOn: `2027-${String((i % 12) + 1).padStart(2, '0')}-28`,
    milestones: [
      { label: 'Phê duyệt chủ trương đầu tư', dueOn: '2026-06-30' },
      { label: 'Khởi công', dueOn: '2026-12-15' },
    ],
  };
}

/** Command metadata as a command handler would pass it (the store adds recordedAt). */
export function commandMetadata(i: number): NonNullable<NewEvent['metadata']> {
  return {
    actor: { subject: `user-${i % 97}`, roles: ['province-officer'], province: pick(PROVINCES, i), name: pick(PEOPLE, i) },
    commandId: benchUuid(i, 2),
    correlationId: benchUuid(i, 3),
    causationId: benchUuid(i, 2),
    effectiveAt: '2026-03-14T08:30:00.000Z',
    schemaVersion: 1,
  };
}

/** A `CommitmentProposed` event ready for `appendToStream` (no id: the store assigns one). */
export function commitmentEvent(i: number): NewEvent {
  return { type: 'CommitmentProposed', data: commitmentData(i), metadata: commandMetadata(i) };
}
