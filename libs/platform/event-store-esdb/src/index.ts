export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store.js';
export { UnreadableEventError } from './event-codec.js';
