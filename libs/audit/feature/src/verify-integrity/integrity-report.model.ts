import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BigIntScalar } from '@council/platform/nest';

export enum IntegrityProblemKind { HASH = 'hash', REVISION = 'revision', POSITION = 'position', SEAL = 'seal', OUTSIDE_SEAL = 'outside-seal' }
registerEnumType(IntegrityProblemKind, { name: 'IntegrityProblemKind', description: 'What is wrong: a hash chain, a revision, a position, a recorded seal or a seal held outside.' });

@ObjectType({ description: 'Something wrong with the log, at the first event it concerns.' })
export class IntegrityProblem {
  @Field(() => IntegrityProblemKind) kind!: IntegrityProblemKind;
  @Field(() => BigIntScalar) position!: bigint;
  @Field(() => String, { nullable: true }) streamId?: string;
  @Field(() => Int, { nullable: true }) revision?: number;
  @Field(() => String) message!: string;
}

@ObjectType()
export class SealCheck {
  @Field(() => Int, { nullable: true, description: 'Null for a seal held outside.' }) sequence?: number;
  @Field(() => BigIntScalar) position!: bigint;
  @Field(() => String) hash!: string;
  @Field(() => Boolean, { description: 'Handed in by the caller rather than read from the log.' }) outside!: boolean;
  @Field(() => Boolean) ok!: boolean;
}

@ObjectType()
export class ReadModelDigest {
  @Field(() => String) table!: string;
  @Field(() => String, { nullable: true }) live?: string;
  @Field(() => String, { nullable: true }) rebuilt?: string;
  @Field(() => Boolean) equal!: boolean;
}

@ObjectType()
export class ReadModelIntegrity {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => BigIntScalar, { description: 'The log position both digests are taken at.' }) position!: bigint;
  @Field(() => [ReadModelDigest]) tables!: ReadModelDigest[];
  @Field(() => String, { nullable: true }) skipped?: string;
}

@ObjectType({ description: 'Hash chains, positions and seals of the whole log, and the read models against a fresh rebuild.' })
export class IntegrityReport {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => BigIntScalar) events!: bigint;
  @Field(() => Int) streams!: number;
  @Field(() => BigIntScalar) headPosition!: bigint;
  @Field(() => String, { description: 'The log hash over every event up to the head.' }) logHash!: string;
  @Field(() => IntegrityProblem, { nullable: true, description: 'The first bad event, in log order.' }) firstProblem?: IntegrityProblem;
  @Field(() => [IntegrityProblem], { description: 'At most 100, in log order.' }) problems!: IntegrityProblem[];
  @Field(() => [SealCheck]) seals!: SealCheck[];
  @Field(() => ReadModelIntegrity) readModels!: ReadModelIntegrity;
}
