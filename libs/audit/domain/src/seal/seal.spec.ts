import { describe, expect, it } from '@jest/globals';
import { GENESIS_HASH, ValidationError } from '@council/platform/event-sourcing';
import { LogBuilder } from '../testing.js';
import { emptyLog, extendLogHash, nextSeal, parseSealReference, sealData, sealHash, sealOf, sealReference } from './seal.js';

const at = new Date('2025-07-01T00:00:00Z');
const stateOf = (log: LogBuilder) => log.events.reduce(extendLogHash, emptyLog());

describe('given an empty log', () => {
  it('when it is sealed, then the first seal covers no event and chains to 64 zeros', () => {
    const seal = nextSeal(null, emptyLog(), at);
    expect(seal).toMatchObject({ sequence: 1, position: 0n, eventCount: 0n, previous: GENESIS_HASH, sealedAt: '2025-07-01T00:00:00.000Z' });
    expect(seal.hash).toBe(sealHash(GENESIS_HASH, emptyLog()));
  });
});

describe('given a log of five events and a first seal over it', () => {
  const log = new LogBuilder().some(5);
  const first = nextSeal(null, stateOf(log), at);

  it('when two more events are sealed, then the second seal chains to the first and covers seven events', () => {
    const longer = new LogBuilder().some(7);
    const second = nextSeal(first, stateOf(longer), at);
    expect(second).toMatchObject({ sequence: 2, position: 7n, eventCount: 7n, previous: first.hash });
    expect(second.logHash).not.toBe(first.logHash);
  });

  it('when one event is changed, left out or two are swapped, then the log hash differs', () => {
    const events = log.events;
    const changed = [...events.slice(0, 4), { ...events[4]!, hash: 'f'.repeat(64) }];
    const swapped = [events[1]!, events[0]!, ...events.slice(2)];
    for (const other of [changed, events.slice(0, 4), swapped]) expect(other.reduce(extendLogHash, emptyLog()).logHash).not.toBe(first.logHash);
  });

  it('when the seal is recorded and read back, then it is the same seal', () => {
    expect(sealOf({ type: 'LogSealed', data: sealData(first) })).toEqual(first);
    expect(sealOf({ type: 'ProgressReported', data: sealData(first) })).toBeNull();
  });

  it('when it is printed as hash@position and read back, then it names the same hash and position', () => {
    expect(parseSealReference(sealReference(first))).toEqual({ hash: first.hash, position: 5n });
    expect(() => parseSealReference('abc@5')).toThrow(ValidationError);
  });
});
