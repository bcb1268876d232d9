import { eventStoreContract } from '@council/platform/testing';
import { EsdbEventStore } from './esdb-event-store.js';

// A real KurrentDB server or nothing: without one the contract is reported as skipped.
const connectionString = process.env['EVENTSTORE_URL'];

eventStoreContract('EventStoreDB (KurrentDB)', async () => new EsdbEventStore({ connectionString: connectionString ?? '' }), {
  skipReason: connectionString
    ? undefined
    : 'EVENTSTORE_URL is not set: start KurrentDB with `docker compose up -d eventstore` and set EVENTSTORE_URL=kurrentdb://localhost:2113?tls=false',
});
