import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { EventStore, type RecordedEvent, ValidationError } from '@council/platform/event-sourcing';
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
    const found: RecordedEvent[] = [];
    // The port filters by stream prefix and type; actor, province and time are checked here.
    const storeFilter = { ...(f.streamId && { streamPrefixes: [f.streamId] }), ...(f.eventTypes?.length && { eventTypes: f.eventTypes }) };
    for (let from = after ? decodeCursor(after) : 0n; found.length <= first; ) {
      const page = await this.store.readAll({ after: from, maxCount: 500, filter: storeFilter });
      found.push(...page.filter((e) => e.position <= headPosition && matchesAuditFilter(e, f)));
      if (page.length < 500 || page[page.length - 1]!.position >= headPosition) break;
      from = page[page.length - 1]!.position;
    }
    const shown = found.slice(0, first);
    const last = shown[shown.length - 1];
    return {
      edges: shown.map((e) => ({ cursor: cursorOf(e.position), node: auditEvent(e) })),
      pageInfo: { hasNextPage: found.length > first, ...(last && { endCursor: cursorOf(last.position) }) },
      headPosition,
    };
  }
}

export function auditEvent(e: RecordedEvent): AuditEvent {
  const { actor, commandId, correlationId, causationId, recordedAt, effectiveAt, schemaVersion } = e.metadata;
  return {
    position: e.position,
    streamId: e.streamId,
    revision: Number(e.revision),
    id: e.id,
    type: e.type,
    data: e.data,
    ...(actor && { actor: { ...actor, roles: [...actor.roles] } }),
    ...(commandId && { commandId }),
    ...(correlationId && { correlationId }),
    ...(causationId && { causationId }),
    recordedAt: new Date(recordedAt),
    effectiveAt: new Date(effectiveAt),
    schemaVersion,
    metadata: e.metadata,
    hash: e.hash,
  };
}

function decodeCursor(cursor: string): bigint {
  const match = /^log:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ValidationError('after', 'is not a cursor this API gave');
  return BigInt(match[1]!);
}
