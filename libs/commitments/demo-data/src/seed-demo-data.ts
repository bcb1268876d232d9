import { type CommitmentCommand, commitmentDecider, commitmentSchemas, commitmentStream } from '@council/commitments/domain';
import { type EventStore, type FixedClock, handleCommand } from '@council/platform/event-sourcing';
import { REGION_STREAM, type RegionCommand, regionDecider } from '@council/region/domain';
import { DEMO_SCRIPT } from './demo-script.js';
import type { DemoStep } from './demo-step.js';

export interface SeedDemoDataOptions {
  /** Another script (tests); the demo by default. */
  readonly script?: readonly DemoStep[];
}

export interface SeedDemoDataResult {
  /** False when the log already held events and nothing was done. */
  readonly seeded: boolean;
  readonly steps: number;
  readonly events: number;
  readonly commitments: number;
}

/** A step of the demo the domain refused: the script is wrong, not the caller. */
export class DemoScriptError extends Error {
  constructor(
    readonly index: number,
    readonly step: DemoStep,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`demo step ${index} (${step.command.type} on ${step.stream} at ${step.at}) was refused: ${reason}`, { cause });
    this.name = 'DemoScriptError';
  }
}

/**
 * Plays the demo into an empty log, each step at its historical moment: the clock is set
 * to the step's time, so the store stamps recordedAt as it would have then, and each
 * commitment decision sees the region as it stood. The clock is put back afterwards.
 * A log that already holds events is left alone.
 */
export async function seedDemoData(store: EventStore, clock: FixedClock, options: SeedDemoDataOptions = {}): Promise<SeedDemoDataResult> {
  if ((await store.headPosition()) !== 0n) return { seeded: false, steps: 0, events: 0, commitments: 0 };
  const script = options.script ?? DEMO_SCRIPT;
  const resumeAt = clock.now();
  let region = regionDecider.initialState();
  let events = 0;
  const commitments = new Set<string>();
  try {
    for (const [index, step] of script.entries()) {
      clock.set(step.at);
      const metadata = { now: clock.now(), actor: step.actor, commandId: `demo-${index}` };
      let appended: number;
      try {
        if (step.stream === REGION_STREAM) {
          const result = await handleCommand(store, regionDecider, REGION_STREAM, { ...step.command, metadata } as RegionCommand);
          region = result.state;
          appended = result.appended.length;
        } else {
          const command = { ...step.command, metadata, context: { region } } as CommitmentCommand;
          const result = await handleCommand(store, commitmentDecider, commitmentStream(step.stream), command, { schemas: commitmentSchemas });
          commitments.add(step.stream);
          appended = result.appended.length;
        }
      } catch (error) {
        throw new DemoScriptError(index, step, error);
      }
      // A step that records nothing (a watcher run before the deadline) is a script error too.
      if (appended === 0) throw new DemoScriptError(index, step, 'the domain decided nothing');
      events += appended;
    }
  } finally {
    clock.set(resumeAt);
  }
  return { seeded: true, steps: script.length, events, commitments: commitments.size };
}
