import type { Actor, EventMetadata } from './events.js';

/** A domain event: a fact, named in the past tense, with complete data. */
export interface Event<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  /** Facts about the fact: when it happened on the ground, its schema version. */
  readonly metadata?: Partial<Pick<EventMetadata, 'effectiveAt' | 'schemaVersion'>>;
}

/** What every command carries besides its data: who asks, when, and its idempotency key. */
export interface CommandMetadata {
  readonly now: Date;
  readonly actor: Actor;
  readonly commandId?: string;
  readonly correlationId?: string;
}

/** An intention, named in the imperative. */
export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

/**
 * Pure decision logic of one kind of stream: `decide` turns a command and the current
 * state into new events (or throws a DomainError); `evolve` folds an event into state.
 */
export interface Decider<State, C extends Command, E extends Event> {
  readonly initialState: () => State;
  readonly decide: (command: C, state: State) => readonly E[];
  readonly evolve: (state: State, event: E) => State;
}

export function fold<State, E extends Event>(decider: Pick<Decider<State, never, E>, 'initialState' | 'evolve'>, events: Iterable<E>): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
