import { Field, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import type { Actor } from '@council/platform/event-sourcing';
import { CurrentActor } from '../graphql/graphql-context.js';
import { AuthenticationError } from './authentication-error.js';
import type { Role } from './roles.js';

/** GraphQL's names for the roles (`PROVINCE`), carrying the token's values (`province`). */
export const RoleEnum = { PROVINCE: 'province', COUNCIL: 'council', AUDITOR: 'auditor' } as const satisfies Record<string, Role>;

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a caller may do, from the token\'s "roles" claim.',
  valuesMap: {
    PROVINCE: { description: 'An official of the province named by `provinceCode`.' },
    COUNCIL: { description: 'The regional coordination council.' },
    AUDITOR: { description: 'An auditor: reads the full event log.' },
  },
});

@ObjectType('Identity', { description: 'The signed-in caller, as the bearer token says.' })
export class Identity {
  @Field(() => String, { description: 'The identity provider\'s user id (claim "sub").' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'Display name (claim "name").' })
  name?: string;

  @Field(() => [RoleEnum])
  roles!: Role[];

  @Field(() => String, {
    nullable: true,
    description: 'Official code of the caller\'s province, such as "74" (claim "province"); set for the PROVINCE role.',
  })
  provinceCode?: string;
}

@Resolver(() => Identity)
export class MeResolver {
  @Query(() => Identity, { description: 'Who the bearer token says the caller is. Needs a token.' })
  me(@CurrentActor() actor: Actor | undefined): Identity {
    // The policy table lets only signed-in callers reach here; this is the second lock.
    if (!actor) throw new AuthenticationError('me needs a signed-in caller: send Authorization: Bearer <token>');
    return {
      subject: actor.subject,
      name: actor.name,
      roles: [...actor.roles] as Role[],
      provinceCode: actor.province,
    };
  }
}
