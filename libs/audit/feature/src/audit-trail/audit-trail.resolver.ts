import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { EventStore, eventRecordFields, type RecordedEvent, ValidationError } from '@council/platform/event-sourcing';
import { type AuditFilter, matchesAuditFilter } from '@council/audit/domain';
import { AuditEventConnection, AuditTrailArgs, type AuditEvent } from './audit-trail.types.js';

const MAX_PAGE = 100;
const cursorOf = (position: bigint) => Buffer.from(`log:${position}`).toString('base64url');

/** The raw log for auditors and the council, filtered, in global order. */
@Resolver()
export class AuditTrailResolver {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  @Query(() => AuditEventConnection, { description: 'Every recorded event with its metadata and hash, in log order (auditor, council).' })
  async auditTrail(@Args() { filter = {}, first = 50, after }: AuditTrailArgs): Promise<AuditEventConnection> {
    if (first < 1 || first > MAX_PAGE) throw new ValidationError('first', `must be from 1 to ${MAX_PAGE}`);
    const f: AuditFilter = filter;
    const headPosition = await this.store.headPosition();
    const from = after ? decodeCursor(after) : 0n;
    const found = f.streamId ? await this.inStream(f.streamId, from, headPosition, f) : await this.inLog(from, headPosition, f, first);
    const shown = found.slice(0, first);
    const last = shown[shown.length - 1];
    return {
      edges: shown.map((e) => ({ cursor: cursorOf(e.position), node: auditEvent(e) })),
      pageInfo: { hasNextPage: found.length > first, ...(last && { endCursor: cursorOf(last.position) }) },
      headPosition,
    };
  }

  /** One stream: read it, not the log (its events are in log order too). */
  private async inStream(streamId: string, after: bigint, head: bigint, f: AuditFilter): Promise<RecordedEvent[]> {
    return (await this.store.readStream(streamId)).filter((e) => e.position > after && e.position <= head && matchesAuditFilter(e, f));
  }

  /** The log after `after`, until one more than a page matched: the port filters types, the rest is checked here. */
  private async inLog(after: bigint, head: bigint, f: AuditFilter, first: number): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    const filter = f.eventTypes?.length ? { eventTypes: f.eventTypes } : undefined;
    for (let from = after; found.length <= first; ) {
      const page = await this.store.readAll({ after: from, maxCount: 500, ...(filter && { filter }) });
      found.push(...page.filter((e) => e.position <= head && matchesAuditFilter(e, f)));
      if (page.length < 500 || page[page.length - 1]!.position >= head) break;
      from = page[page.length - 1]!.position;
    }
    return found;
  }
}

export function auditEvent(e: RecordedEvent): AuditEvent {
  return { ...eventRecordFields(e), id: e.id, schemaVersion: e.metadata.schemaVersion, metadata: e.metadata };
}

function decodeCursor(cursor: string): bigint {
  const match = /^log:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ValidationError('after', 'is not a cursor this API gave');
  return BigInt(match[1]!);
}
