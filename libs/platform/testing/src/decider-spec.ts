import { expect } from '@jest/globals';
import type { Command, Decider, DomainError, Event } from '@council/platform/event-sourcing';

type ErrorClass = abstract new (...args: never[]) => DomainError;

/**
 * Given events / when command / then events, for pure deciders:
 * `spec.given([...]).when(command).then([...])` or `.thenThrows(ValidationError, 'field: reason')`.
 * The `then` step also checks that folding the new events succeeds.
 */
export function deciderSpec<State, C extends Command, E extends Event>(decider: Decider<State, C, E>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: readonly E[]): void {
              const produced = run();
              expect(produced).toEqual(expected);
              [...events, ...produced].reduce(decider.evolve, decider.initialState());
            },
            thenThrows(errorClass: ErrorClass, message?: string | RegExp): void {
              expect(run).toThrow(errorClass);
              if (message !== undefined) expect(run).toThrow(message);
            },
          };
        },
      };
    },
  };
}
