import { type JsonValue, planAppend, prepareEvents, type RecordedEvent } from '@council/platform/event-sourcing';

/** An in-memory log with real hash chains, for specs of the pure audit code. */
export class LogBuilder {
  readonly events: RecordedEvent[] = [];
  private minute = 0;

  append(streamId: string, type: string, data: JsonValue): RecordedEvent {
    const now = new Date(Date.UTC(2025, 0, 1, 0, this.minute++));
    const [prepared] = prepareEvents([{ type, data }], now, { maxEventBytes: 1 << 20 });
    const last = [...this.events].reverse().find((e) => e.streamId === streamId);
    const plan = planAppend(streamId, [prepared!], 'any', {
      lastRevision: last ? last.revision : 'no_stream',
      lastHash: last?.hash ?? '',
      recent: last ? [{ id: last.id, revision: last.revision, position: last.position }] : [],
    });
    if (plan.kind !== 'write') throw new Error('unexpected replay');
    const e = plan.events[0]!;
    const recorded: RecordedEvent = { id: e.id, streamId, revision: e.revision, position: BigInt(this.events.length + 1), type, data: e.data, metadata: e.metadata, hash: e.hash };
    this.events.push(recorded);
    return recorded;
  }

  /** `count` ordinary events over three streams. */
  some(count: number): this {
    for (let i = 0; i < count; i++) this.append(`commitment-${i % 3}`, 'ProgressReported', { value: i });
    return this;
  }
}
