import { Field, Float, InputType } from '@nestjs/graphql';
import { BigIntScalar, DateScalar } from '@council/platform/nest';

@InputType()
export class ReportProgressInput {
  @Field(() => Float, { description: 'The indicator’s value on the day reported for.' }) value!: number;
  @Field(() => BigIntScalar, { nullable: true, description: 'Disbursed to date, in whole đồng.' }) disbursedVnd?: bigint;
  @Field(() => String, { nullable: true }) note?: string;
  @Field(() => String, { nullable: true, description: 'An http(s) link to the evidence (report, certificate, photo).' }) evidenceUrl?: string;
  @Field(() => DateScalar, { description: 'The day the value was true on the ground.' }) reportedFor!: string;
}
