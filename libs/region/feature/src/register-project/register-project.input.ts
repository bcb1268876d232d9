import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class RegisterProjectInput {
  @Field(() => String, { description: 'Lower-case letters, digits and dashes, e.g. vanh-dai-3.' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameEn?: string;
  @Field(() => String, { description: 'transport, health or workforce' }) track!: string;
  @Field(() => [String], { description: 'Official codes of the provinces it crosses.' }) provinces!: string[];
  @Field(() => String, { nullable: true }) description?: string;
}
