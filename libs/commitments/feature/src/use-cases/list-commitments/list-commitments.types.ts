import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@council/platform/nest';
import { Commitment, CommitmentStatus, ScheduleStatus, Track } from '../../commitment/commitment.model.js';

export enum PartyRole { COMMITTER = 'committer', COUNTERPARTY = 'counterparty' }
registerEnumType(PartyRole, { name: 'PartyRole', description: 'Whether a province made the promise or received it.' });

@InputType()
export class CommitmentFilter {
  @Field(() => Track, { nullable: true }) track?: Track;
  @Field(() => String, { nullable: true, description: 'A province code: commitments it is a party to, including those of provinces merged into it.' }) province?: string;
  @Field(() => PartyRole, { nullable: true, description: 'With province: only as committer, or only as counterparty.' }) role?: PartyRole;
  @Field(() => CommitmentStatus, { nullable: true }) status?: CommitmentStatus;
  @Field(() => ScheduleStatus, { nullable: true, description: 'The schedule status (health) on the as-of day.' }) health?: ScheduleStatus;
  @Field(() => String, { nullable: true }) projectId?: string;
}

@ArgsType()
export class ListCommitmentsArgs {
  @Field(() => CommitmentFilter, { nullable: true }) filter?: CommitmentFilter;
  @Field(() => Int, { nullable: true, description: 'Page size, at most 100 (default 20).' }) first?: number;
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Answer as the platform knew it at this moment.' }) asOf?: Date;
}

@ObjectType()
export class CommitmentEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Commitment) node!: Commitment;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor?: string;
}

@ObjectType({ description: 'A page of commitments, soonest deadline first (Relay connection).' })
export class CommitmentConnection {
  @Field(() => [CommitmentEdge]) edges!: CommitmentEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
