import { ArgsType, Field, Int } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';
import type { CallContext } from './commitment-writer.js';

/** What every commitment mutation takes besides its own arguments. */
@ArgsType()
export class CommandOptions {
  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key again returns the first result and records nothing.' })
  commandId?: string;

  @Field(() => Int, { nullable: true, description: 'The revision you last saw; if the commitment changed since, the answer is CONFLICT.' })
  expectedRevision?: number;
}

export function callContext(actor: Actor, options: CommandOptions): CallContext {
  return {
    actor,
    ...(options.commandId && { commandId: options.commandId }),
    ...(options.expectedRevision !== undefined && options.expectedRevision !== null && { expectedRevision: options.expectedRevision }),
  };
}
