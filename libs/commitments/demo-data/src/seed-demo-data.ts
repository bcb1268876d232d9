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
  /** False when nothing was done: the log holds the whole demo already, or began with something else. */
  readonly seeded: boolean;
  /** True when this run finished a seeding a crash had cut short. */
  readonly resumed?: boolean;
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

/** The commandId of demo step `index`: the same on every run, so a step already recorded is recognised. */
export const demoCommandId = (index: number): string => `demo-${index}`;

/**
 * Plays the demo into an empty log, each step at its historical moment: the clock is set
 * to the step's time, so the store stamps recordedAt as it would have then, and each
 * commitment decision sees the region as it stood. The clock is put back afterwards.
 * Crash-safe: every step has a deterministic commandId, so when a SIGKILL cut an earlier
 * run short (the log begins with step 0 and lacks the last step) the steps already
 * recorded are replayed, not recorded again, and the rest is recorded. Any other log
 * (the whole demo, or a log that began otherwise) is left alone.
 */
export async function seedDemoData(store: EventStore, clock: FixedClock, options: SeedDemoDataOptions = {}): Promise<SeedDemoDataResult> {
  const script = options.script ?? DEMO_SCRIPT;
  const nothing = { seeded: false, steps: 0, events: 0, commitments: 0 };
  const first = (await store.readAll({ maxCount: 1 }))[0];
  if (first) {
    if (first.metadata.commandId !== demoCommandId(0) || script.length === 0) return nothing;
    const last = script[script.length - 1]!;
    const lastStream = last.stream === REGION_STREAM ? REGION_STREAM : commitmentStream(last.stream);
    const lastId = demoCommandId(script.length - 1);
    if ((await store.readStream(lastStream, { direction: 'backwards' })).some((e) => e.metadata.commandId === lastId)) return nothing;
  }
  const resumeAt = clock.now();
  let region = regionDecider.initialState();
  let events = 0;
  const commitments = new Set<string>();
  try {
    for (const [index, step] of script.entries()) {
      clock.set(step.at);
      const metadata = { now: clock.now(), actor: step.actor, commandId: demoCommandId(index) };
      let appended: number;
      let replayed: boolean;
      try {
        if (step.stream === REGION_STREAM) {
          const result = await handleCommand(store, regionDecider, REGION_STREAM, { ...step.command, metadata } as RegionCommand);
          region = result.state;
          ({ replayed } = result);
          appended = result.appended.length;
        } else {
          const command = { ...step.command, metadata, context: { region } } as CommitmentCommand;
          const result = await handleCommand(store, commitmentDecider, commitmentStream(step.stream), command, { schemas: commitmentSchemas });
          commitments.add(step.stream);
          ({ replayed } = result);
          appended = result.appended.length;
        }
      } catch (error) {
        throw new DemoScriptError(index, step, error);
      }
      // A step that records nothing (a watcher run before the deadline) is a script error too;
      // a step recorded by the run a crash cut short is replayed and counts no event.
      if (appended === 0 && !replayed) throw new DemoScriptError(index, step, 'the domain decided nothing');
      events += appended;
    }
  } finally {
    clock.set(resumeAt);
  }
  return { seeded: true, ...(first && { resumed: true }), steps: script.length, events, commitments: commitments.size };
}
