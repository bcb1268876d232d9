import type { RecordedEvent } from './events.js';

/** Turns the data of one schema version into the next version's shape. */
export type Upcaster = (data: never, event: RecordedEvent) => unknown;

export interface EventSchema {
  readonly type: string;
  /** The version new events of this type are written with. */
  readonly version: number;
  /** `upcasters[n]` turns version n into version n + 1. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

/**
 * The current version of every event type, and how to read older ones. Stored events are
 * never rewritten: they are upcast on read, so the log keeps exactly what was recorded.
 */
export class EventSchemas {
  private readonly byType: ReadonlyMap<string, EventSchema>;

  constructor(schemas: readonly EventSchema[]) {
    this.byType = new Map(schemas.map((s) => [s.type, s]));
    for (const s of schemas)
      for (let v = 1; v < s.version; v++)
        if (!s.upcasters?.[v]) throw new Error(`event ${s.type} is at version ${s.version} but has no upcaster from version ${v}`);
  }

  version(type: string): number {
    return this.byType.get(type)?.version ?? 1;
  }

  /** The event in its current shape; events of unknown types or current versions pass unchanged. */
  upcast = (event: RecordedEvent): RecordedEvent => {
    const schema = this.byType.get(event.type);
    let version = event.metadata.schemaVersion;
    if (!schema || version >= schema.version) return event;
    let data: unknown = event.data;
    for (; version < schema.version; version++) data = schema.upcasters![version]!(data as never, event);
    return { ...event, data: data as RecordedEvent['data'], metadata: { ...event.metadata, schemaVersion: version } };
  };
}
