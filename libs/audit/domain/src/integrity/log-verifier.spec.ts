import { describe, expect, it } from '@jest/globals';
import { canonicalJson, type RecordedEvent } from '@council/platform/event-sourcing';
import { emptyLog, extendLogHash, nextSeal, SEAL_STREAM, sealData, sealReference, type SealRef } from '../seal/seal.js';
import { LogBuilder } from '../testing.js';
import { LogVerifier, metadataJson } from './log-verifier.js';

/** A log of `before` events, a seal over them, then `after` more events. */
function sealedLog(before: number, after: number) {
  const log = new LogBuilder().some(before);
  const seal = nextSeal(null, log.events.reduce(extendLogHash, emptyLog()), new Date('2025-07-01T00:00:00Z'));
  log.append(SEAL_STREAM, 'LogSealed', sealData(seal));
  log.some(after);
  return { events: log.events, seal };
}

function verify(events: readonly RecordedEvent[], outside: SealRef[] = []) {
  const verifier = new LogVerifier({ seals: events.filter((e) => e.streamId === SEAL_STREAM), outside, contiguousPositions: true });
  for (const e of events) verifier.add(e);
  return verifier.finish();
}

describe('given an untouched log with a seal in it', () => {
  const { events, seal } = sealedLog(6, 3);

  it('when verified, then every chain and the seal hold, and the seal held outside matches', () => {
    const report = verify(events, [{ hash: seal.hash, position: seal.position }]);
    expect(report).toMatchObject({ ok: true, events: 10n, streams: 4, headPosition: 10n, problems: [] });
    expect(report.seals.map((s) => s.ok)).toEqual([true, true]);
  });
});

describe('given a log whose events were tampered with', () => {
  const { events, seal } = sealedLog(6, 3);
  const outside = [{ hash: seal.hash, position: seal.position }];

  it('when one event’s data changed, then that event is the first problem, by position, stream and revision', () => {
    const tampered = events.map((e) => (e.position === 4n ? { ...e, data: { value: 99 } } : e));
    const report = verify(tampered);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ kind: 'hash', position: 4n, streamId: 'commitment-0', revision: 1n });
  });

  it('when an event in the middle is removed, then the gap and the missing revision are named', () => {
    const report = verify(events.filter((e) => e.position !== 2n));
    expect(report.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['position', 'revision', 'seal']));
    expect(report.problems[0]).toMatchObject({ position: 3n });
  });

  it('when two events of different streams swap places, then the seal over them no longer holds', () => {
    const swapped = events.map((e) => (e.position === 1n ? { ...events[1]!, position: 1n } : e.position === 2n ? { ...events[0]!, position: 2n } : e));
    const report = verify(swapped);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'seal', streamId: SEAL_STREAM })]);
  });

  it('when the newest events, seal included, are removed, then only the seal held outside tells', () => {
    const cut = events.filter((e) => e.position <= 6n);
    expect(verify(cut).ok).toBe(true);
    expect(verify(cut, outside).problems).toEqual([expect.objectContaining({ kind: 'outside-seal', position: 6n })]);
    expect(verify(events.slice(0, 4), outside).problems[0]?.message).toMatch(/ends at position 4, before the sealed position 6/);
  });

  it('when the whole log is rewritten consistently and resealed, then it verifies alone but not against the seal held outside', () => {
    const rewritten = new LogBuilder();
    for (const e of events.slice(0, 6)) rewritten.append(e.streamId, e.type, e.position === 1n ? { value: 1000 } : e.data);
    const forged = nextSeal(null, rewritten.events.reduce(extendLogHash, emptyLog()), new Date('2025-07-01T00:00:00Z'));
    rewritten.append(SEAL_STREAM, 'LogSealed', sealData(forged));
    expect(verify(rewritten.events).ok).toBe(true);
    const report = verify(rewritten.events, outside);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'outside-seal', message: expect.stringMatching(/no longer hashes/) })]);
    expect(sealReference(forged)).not.toBe(sealReference(seal));
  });
});

describe('the fast path for metadata bytes', () => {
  it('gives the canonical JSON, byte for byte, for the usual shape and for any other', () => {
    const usual = { schemaVersion: 1, recordedAt: '2025-01-01T00:00:00.000Z', effectiveAt: '2024-12-31T00:00:00.000Z', commandId: 'c', actor: { subject: 's', roles: ['province'], province: '79', name: 'Lê' } };
    const sparse = { recordedAt: 'r', effectiveAt: 'e', schemaVersion: 2 };
    const other = { ...usual, extra: { b: 1, a: [2, { d: 1, c: 2 }] } };
    for (const m of [usual, sparse, other]) expect(metadataJson(m as never)).toBe(canonicalJson(m));
  });
});
