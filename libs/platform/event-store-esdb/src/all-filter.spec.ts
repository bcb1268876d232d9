import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@council/platform/event-sourcing';
import { matchesFilter, serverFilter } from './all-filter.js';

const event = (streamId: string, type: string) => ({ streamId, type }) as RecordedEvent;

describe('a $all filter', () => {
  it('asks the server for stream prefixes first, else event-type prefixes, else no system events', () => {
    expect(serverFilter({ streamPrefixes: ['commitment-'], eventTypes: ['A'] })).toMatchObject({ filterOn: 'streamName', prefixes: ['commitment-'] });
    expect(serverFilter({ eventTypes: ['A'] })).toMatchObject({ filterOn: 'eventType', prefixes: ['A'] });
    expect(serverFilter({ streamPrefixes: [], eventTypes: [] })).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    expect(serverFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
  });

  it('matches event types exactly and needs both lists to match when both are given', () => {
    const filter = { streamPrefixes: ['commitment-'], eventTypes: ['Accepted'] };
    expect(matchesFilter(event('commitment-1', 'Accepted'), filter)).toBe(true);
    expect(matchesFilter(event('commitment-1', 'AcceptedLate'), filter)).toBe(false);
    expect(matchesFilter(event('province-1', 'Accepted'), filter)).toBe(false);
    expect(matchesFilter(event('province-1', 'Anything'), undefined)).toBe(true);
  });
});
