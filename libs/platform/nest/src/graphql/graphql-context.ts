import type { IncomingMessage, ServerResponse } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';

/** What every resolver finds in the GraphQL context. */
export interface GraphqlContext {
  readonly req: IncomingMessage;
  /** Absent for a subscription over graphql-ws. */
  readonly res?: ServerResponse;
  /** The verified caller; undefined for an anonymous request (no Authorization header). */
  readonly actor?: Actor;
}

/**
 * The verified caller, as a resolver parameter: `me(@CurrentActor() actor: Actor)`.
 * Undefined for an anonymous caller; the policy decides whether one may get this far.
 */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | undefined =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().actor,
);
