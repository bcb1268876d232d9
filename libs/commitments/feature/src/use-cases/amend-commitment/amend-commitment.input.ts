import { Field, Float, InputType } from '@nestjs/graphql';
import { BigIntScalar } from '@council/platform/nest';

@InputType()
export class AmendCommitmentInput {
  @Field(() => Float, { nullable: true, description: 'The new target; the original stays visible.' }) target?: number;
  @Field(() => BigIntScalar, { nullable: true, description: 'The new budget in whole đồng; the original stays visible.' }) budgetVnd?: bigint;
  @Field(() => String) reason!: string;
}
