import type { RecordedEvent } from '@council/platform/event-sourcing';

/** Which events an auditor asks for; every field given must match. */
export interface AuditFilter {
  readonly streamId?: string;
  /** Events recorded by an official of this province (the actor's province code). */
  readonly province?: string;
  /** Events recorded by this actor (its subject). */
  readonly actor?: string;
  readonly eventTypes?: readonly string[];
  /** Recorded at or after this moment. */
  readonly from?: Date;
  /** Recorded at or before this moment. */
  readonly to?: Date;
}

export function matchesAuditFilter(e: RecordedEvent, f: AuditFilter): boolean {
  if (f.streamId !== undefined && e.streamId !== f.streamId) return false;
  if (f.province !== undefined && e.metadata.actor?.province !== f.province) return false;
  if (f.actor !== undefined && e.metadata.actor?.subject !== f.actor) return false;
  if (f.eventTypes !== undefined && f.eventTypes.length > 0 && !f.eventTypes.includes(e.type)) return false;
  const recorded = Date.parse(e.metadata.recordedAt);
  if (f.from !== undefined && recorded < f.from.getTime()) return false;
  if (f.to !== undefined && recorded > f.to.getTime()) return false;
  return true;
}
