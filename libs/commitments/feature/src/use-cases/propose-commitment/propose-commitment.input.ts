import { Field, Float, InputType } from '@nestjs/graphql';
import { BigIntScalar, DateScalar } from '@council/platform/nest';
import { BudgetSource, Track } from '../../commitment/commitment.model.js';

@InputType()
export class ResponsibleInput {
  @Field(() => String, { nullable: true, description: 'The agency that answers for it (rõ trách nhiệm).' }) agency?: string;
  @Field(() => String, { nullable: true, description: 'The person who answers for it, by title.' }) person?: string;
}

@InputType()
export class IndicatorInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true, description: 'e.g. km, giường (beds), người (people), %' }) unit?: string;
  @Field(() => Float, { nullable: true, description: 'Default 0.' }) baseline?: number;
  @Field(() => Float, { nullable: true }) target?: number;
}

@InputType()
export class BudgetInput {
  @Field(() => BigIntScalar, { description: 'Whole đồng, as a decimal string.' }) amountVnd!: bigint;
  @Field(() => BudgetSource) source!: BudgetSource;
}

@InputType()
export class SourceDocumentInput {
  @Field(() => String) number!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => String) issuer!: string;
  @Field(() => String, { nullable: true }) url?: string;
}

/**
 * A province's promise. The five points (who, what, by when, who answers, what result)
 * are nullable here on purpose: a proposal that leaves any open is refused with one
 * error naming every missing field, rather than a bare schema error.
 */
@InputType()
export class ProposeCommitmentInput {
  @Field(() => Track) track!: Track;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) titleEn?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => [String], { nullable: true, description: 'Official codes of the provinces the promise is made to.' }) counterpartyProvinces?: string[];
  @Field(() => String, { nullable: true }) projectId?: string;
  @Field(() => ResponsibleInput, { nullable: true }) responsible?: ResponsibleInput;
  @Field(() => IndicatorInput, { nullable: true }) indicator?: IndicatorInput;
  @Field(() => DateScalar, { nullable: true }) deadline?: string;
  @Field(() => BudgetInput, { nullable: true }) budget?: BudgetInput;
  @Field(() => SourceDocumentInput, { nullable: true }) sourceDocument?: SourceDocumentInput;
}
