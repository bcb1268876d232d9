import { eventTypeFilter, excludeSystemEvents, type Filter, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { AllFilter, RecordedEvent } from '@council/platform/event-sourcing';

/**
 * The server-side part of a filter. The server filters on stream names or on event
 * types, not both, and only by prefix or regex; `matchesFilter` finishes the job
 * exactly on the client. Without a filter the server leaves out system events.
 */
export function serverFilter(filter: AllFilter | undefined): Filter {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  if (prefixes.length > 0) return streamNameFilter({ prefixes: [...prefixes] });
  // Prefixes rather than a regex: no escaping, and no doubt about the server's regex dialect.
  if (types.length > 0) return eventTypeFilter({ prefixes: [...types] });
  return excludeSystemEvents();
}

/** Both lists must match when both are given (stream prefix AND event type), as on SQLite. */
export function matchesFilter(event: RecordedEvent, filter: AllFilter | undefined): boolean {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  return (
    (prefixes.length === 0 || prefixes.some((prefix) => event.streamId.startsWith(prefix))) &&
    (types.length === 0 || types.includes(event.type))
  );
}
