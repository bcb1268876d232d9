import type { EventMetadata, JsonValue, RecordedEvent } from '@council/platform/event-sourcing';

/** One row of `events` as read with returnArrays, in SELECT order. */
export type EventRow = [
  position: number,
  id: string,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  hash: string,
];

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row[1],
    streamId: row[2],
    revision: BigInt(row[3]),
    position: BigInt(row[0]),
    type: row[4],
    data: JSON.parse(row[5]) as JsonValue,
    metadata: JSON.parse(row[6]) as EventMetadata,
    hash: row[7],
  };
}
