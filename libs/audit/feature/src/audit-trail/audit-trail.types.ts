import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { BigIntScalar, DateTimeScalar, JSONScalar } from '@council/platform/nest';

@InputType({ description: 'Which events to list; every field given must match.' })
export class AuditTrailFilter {
  @Field(() => String, { nullable: true, description: 'One stream, e.g. "commitment-…", "region", "audit-seals".' }) streamId?: string;
  @Field(() => String, { nullable: true, description: 'Events recorded by an official of this province (its code, e.g. "79").' }) province?: string;
  @Field(() => String, { nullable: true, description: 'Events recorded by this actor (the token’s `sub`).' }) actor?: string;
  @Field(() => [String], { nullable: true, description: 'Only these event types.' }) eventTypes?: string[];
  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or after.' }) from?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or before.' }) to?: Date;
}

@ArgsType()
export class AuditTrailArgs {
  @Field(() => AuditTrailFilter, { nullable: true }) filter?: AuditTrailFilter;
  @Field(() => Int, { nullable: true, description: 'Page size, at most 100 (default 50).' }) first?: number;
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string;
}

@ObjectType('AuditActor', { description: 'Who recorded an event, as the verified token said.' })
export class AuditActor {
  @Field(() => String) subject!: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => [String]) roles!: string[];
  @Field(() => String, { nullable: true }) province?: string;
}

@ObjectType({ description: 'One event exactly as the log holds it, with what proves it unchanged.' })
export class AuditEvent {
  @Field(() => BigIntScalar, { description: 'Global position in the log.' }) position!: bigint;
  @Field(() => String) streamId!: string;
  @Field(() => Int, { description: '0-based position within its stream.' }) revision!: number;
  @Field(() => String) id!: string;
  @Field(() => String) type!: string;
  @Field(() => JSONScalar) data!: unknown;
  @Field(() => AuditActor, { nullable: true }) actor?: AuditActor;
  @Field(() => String, { nullable: true }) commandId?: string;
  @Field(() => String, { nullable: true }) correlationId?: string;
  @Field(() => String, { nullable: true }) causationId?: string;
  @Field(() => DateTimeScalar, { description: 'When the platform learned it.' }) recordedAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it happened on the ground.' }) effectiveAt!: Date;
  @Field(() => Int) schemaVersion!: number;
  @Field(() => JSONScalar, { description: 'All metadata as recorded (what the hash covers with the data).' }) metadata!: unknown;
  @Field(() => String, { description: 'sha256(previous event’s hash in the stream, this event’s canonical bytes).' }) hash!: string;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AuditEvent) node!: AuditEvent;
}

@ObjectType()
export class AuditPageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor?: string;
}

@ObjectType({ description: 'A page of the log in global order (Relay connection).' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge]) edges!: AuditEventEdge[];
  @Field(() => AuditPageInfo) pageInfo!: AuditPageInfo;
  @Field(() => BigIntScalar, { description: 'The log’s newest position when the page was read.' }) headPosition!: bigint;
}
