import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How a command ended, the `outcome` label of `council_commands_total`. */
export type CommandOutcome = 'accepted' | 'rejected' | 'conflict' | 'failed';

/** How an append ended, the `outcome` label of `council_append_duration_seconds`. */
export type AppendOutcome = 'ok' | 'conflict' | 'rejected' | 'failed';

/**
 * The platform's Prometheus metrics, on a registry of their own (not prom-client's
 * global one), so that two applications in one process, as in tests, do not collide.
 */
@Injectable()
export class CouncilMetrics {
  readonly registry = new Registry();

  /** Incremented by the command layer once per command: `{ command: 'ProposeCommitment', outcome }`. */
  readonly commands = new Counter<'command' | 'outcome'>({
    name: 'council_commands_total',
    help: 'Commands handled, by command name and outcome (accepted, rejected, conflict, failed).',
    labelNames: ['command', 'outcome'],
    registers: [this.registry],
  });

  /** Incremented by InstrumentedEventStore when an append meets a stale expected revision. */
  readonly appendConflicts = new Counter({
    name: 'council_append_conflicts_total',
    help: 'Appends refused because the stream was not at the expected revision.',
    registers: [this.registry],
  });

  /** Observed by InstrumentedEventStore around every append. */
  readonly appendDuration = new Histogram<'outcome'>({
    name: 'council_append_duration_seconds',
    help: 'Time to append events to the event log, by outcome.',
    labelNames: ['outcome'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly projectionLagSeconds = new Gauge<'projection'>({
    name: 'council_projection_lag_seconds',
    help: 'Age of the newest event a projection has applied, relative to the head of the log.',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  private readonly projectionLagEvents = new Gauge<'projection'>({
    name: 'council_projection_lag_events',
    help: 'Events recorded in the log that a projection has not applied yet.',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Called by the projection runner (libs/platform/nest, projection runner) after each
   * checkpoint it commits, and whenever it learns the head of the log moved; nothing
   * else updates the two lag gauges.
   */
  setProjectionLag(projection: string, lag: { readonly seconds: number; readonly events: number }): void {
    this.projectionLagSeconds.set({ projection }, lag.seconds);
    this.projectionLagEvents.set({ projection }, lag.events);
  }
}
