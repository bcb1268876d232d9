import { Field, Int, ObjectType } from '@nestjs/graphql';
import { BigIntScalar, DateTimeScalar } from '@council/platform/nest';
import { type Seal, sealReference } from '@council/audit/domain';

@ObjectType('LogSeal', { description: 'A hash over the whole log up to a position, chained to the seal before it. Hand `reference` to a party outside the platform.' })
export class LogSeal {
  @Field(() => Int) sequence!: number;
  @Field(() => BigIntScalar, { description: 'The last log position the seal covers.' }) position!: bigint;
  @Field(() => BigIntScalar, { description: 'How many events the log holds up to that position.' }) eventCount!: bigint;
  @Field(() => String, { description: 'sha256 chain over every event hash, in log order.' }) logHash!: string;
  @Field(() => String, { description: 'The hash of the seal before it (64 zeros for the first).' }) previous!: string;
  @Field(() => String) hash!: string;
  @Field(() => DateTimeScalar) sealedAt!: Date;
  @Field(() => String, { description: '`hash@position`: what `council verify --seal` and verifyIntegrity(seals:) take.' }) reference!: string;
}

export const toLogSeal = (seal: Seal): LogSeal => ({ ...seal, sealedAt: new Date(seal.sealedAt), reference: sealReference(seal) });
