import type { EventMetadata, JsonValue, RecordedEvent } from '@council/platform/event-sourcing';

/** One line of an export: an event exactly as the log holds it, positions and revisions as decimal strings. */
export interface LogLine {
  readonly position: string;
  readonly streamId: string;
  readonly revision: string;
  readonly id: string;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: EventMetadata;
  readonly hash: string;
}

export const toLogLine = (e: RecordedEvent): string =>
  JSON.stringify({ position: String(e.position), streamId: e.streamId, revision: String(e.revision), id: e.id, type: e.type, data: e.data, metadata: e.metadata, hash: e.hash } satisfies LogLine);

/** Reads a line back; throws with the line number when it is not an event line. */
export function fromLogLine(text: string, lineNumber: number): RecordedEvent {
  let line: Partial<LogLine>;
  try {
    line = JSON.parse(text) as Partial<LogLine>;
  } catch {
    throw new Error(`line ${lineNumber} is not JSON`);
  }
  const ok =
    typeof line.position === 'string' && /^\d+$/.test(line.position) && typeof line.revision === 'string' && /^\d+$/.test(line.revision) &&
    typeof line.streamId === 'string' && typeof line.id === 'string' && typeof line.type === 'string' && typeof line.hash === 'string' &&
    typeof line.metadata === 'object' && line.metadata !== null && 'data' in line;
  if (!ok) throw new Error(`line ${lineNumber} is not an exported event (position, streamId, revision, id, type, data, metadata, hash)`);
  return { position: BigInt(line.position!), streamId: line.streamId!, revision: BigInt(line.revision!), id: line.id!, type: line.type!, data: line.data as JsonValue, metadata: line.metadata!, hash: line.hash! };
}
