import { Field, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@council/platform/nest';

@ObjectType({ description: 'A province of the region or a partner, with its name on the day asked about.' })
export class Province {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { nullable: true, description: 'member or partner on that day; null when neither.' }) role?: string;
  @Field(() => String, { nullable: true, description: 'The province it was merged into by that day.' }) mergedInto?: string;
  @Field(() => DateScalar, { nullable: true }) mergedOn?: string;
}

@ObjectType({ description: 'A regional project registered by the council.' })
export class Project {
  @Field(() => String) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameEn?: string;
  @Field(() => String, { description: 'transport, health or workforce' }) track!: string;
  @Field(() => [String]) provinces!: string[];
}
