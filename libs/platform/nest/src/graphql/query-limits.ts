import {
  type ArgumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLNamedType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Limits every document must keep before it is executed. */
export interface QueryLimits {
  /** Deepest nesting of fields (`{ a { b } }` is 2). */
  readonly maxDepth: number;
  /** Aliased fields in one operation, fragments counted where they are spread. */
  readonly maxAliases: number;
  /** Directives in one operation (`@include`, `@skip`, …), fragments counted where spread. */
  readonly maxDirectives: number;
  /** Lexical tokens in the document (the parser stops past it). */
  readonly maxTokens: number;
  /** Estimated cost of one operation: see `estimateCost`. */
  readonly maxCost: number;
  /** Items assumed for a list field without `first`/`last`. */
  readonly defaultListSize: number;
  /** Items assumed for `first`/`last` given as a variable (validation runs before variables are known). */
  readonly variableListSize: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 5000,
  maxCost: 25_000,
  defaultListSize: 10,
  variableListSize: 100,
};

export type QueryLimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost';

/** Code of every limit error; `extensions.limit`, `maximum` and `actual` say which and by how much. */
export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

/** A document over one of the limits; reported before anything runs. */
export class QueryLimitError extends GraphQLError {
  constructor(
    readonly limit: QueryLimitName,
    readonly maximum: number,
    readonly actual: number | undefined,
    message: string,
    node?: OperationDefinitionNode,
  ) {
    super(message, {
      nodes: node,
      extensions: { code: QUERY_LIMIT_EXCEEDED, limit, maximum, ...(actual !== undefined ? { actual } : {}) },
    });
  }
}

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

const ZERO: Measure = { depth: 0, aliases: 0, directives: 0, cost: 0 };

/**
 * Measures each operation: depth, aliases, directives and cost, expanding fragments
 * where they are spread (each named fragment measured once, so a "fragment bomb" costs
 * nothing to measure). Cost: every field costs 1; the selection under a field is
 * multiplied by the number of items it may return: `first`/`last` when given (a
 * variable counts as `variableListSize`), else `defaultListSize` for a list field, else
 * 1. Under a paginated field, its `edges`/`nodes` lists are not multiplied again.
 * Introspection fields (`__schema`, `__type`, not `__typename`) are not counted: introspection is off in
 * production and the token limit bounds it elsewhere.
 */
export function queryLimitsRule(limits: QueryLimits, onMeasured?: (operationName: string | undefined, cost: number) => void): ValidationRule {
  return (context: ValidationContext) => {
    const schema = context.getSchema();
    const fragments = new Map<string, Measure>();
    const measuring = new Set<string>();

    const measureFragment = (fragment: FragmentDefinitionNode): Measure => {
      const name = fragment.name.value;
      const known = fragments.get(name);
      if (known) return known;
      if (measuring.has(name)) return ZERO; // a cycle: NoFragmentCyclesRule reports it
      measuring.add(name);
      const type = schema.getType(fragment.typeCondition.name.value);
      const inner = measureSelections(fragment.selectionSet, type, false);
      const measure = { ...inner, directives: inner.directives + (fragment.directives?.length ?? 0) };
      measuring.delete(name);
      fragments.set(name, measure);
      return measure;
    };

    const measureSelections = (
      selectionSet: SelectionSetNode,
      parent: GraphQLNamedType | undefined,
      paginated: boolean,
    ): Measure => {
      const total: Measure = { ...ZERO };
      const add = (m: Measure) => {
        total.depth = Math.max(total.depth, m.depth);
        total.aliases += m.aliases;
        total.directives += m.directives;
        total.cost += m.cost;
      };
      for (const selection of selectionSet.selections) {
        const directives = selection.directives?.length ?? 0;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = context.getFragment(selection.name.value);
          const measure = fragment ? measureFragment(fragment) : ZERO;
          add({ ...measure, directives: measure.directives + directives });
          continue;
        }
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          const inner = measureSelections(selection.selectionSet, type, paginated);
          add({ ...inner, directives: inner.directives + directives });
          continue;
        }
        const name = selection.name.value;
        // Introspection is not counted; `__typename` is, or thousands of its aliases would pass every limit.
        if (name === '__schema' || name === '__type') continue;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        const type = field ? getNullableType(field.type) : undefined;
        const pageSize = pageSizeOf(selection.arguments, limits);
        const isList = type !== undefined && isListType(type);
        const multiplier =
          pageSize ?? (isList && !(paginated && (name === 'edges' || name === 'nodes')) ? limits.defaultListSize : 1);
        const inner = selection.selectionSet
          ? measureSelections(selection.selectionSet, field ? getNamedType(field.type) : undefined, pageSize !== undefined)
          : ZERO;
        add({
          depth: 1 + inner.depth,
          aliases: inner.aliases + (selection.alias ? 1 : 0),
          directives: inner.directives + directives,
          cost: 1 + multiplier * inner.cost,
        });
      }
      return total;
    };

    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === 'query'
            ? schema.getQueryType()
            : operation.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        const measure = measureSelections(operation.selectionSet, root ?? undefined, false);
        onMeasured?.(operation.name?.value, measure.cost);
        const directives = measure.directives + (operation.directives?.length ?? 0);
        const checks: [QueryLimitName, number, number, string][] = [
          ['depth', limits.maxDepth, measure.depth, `Query depth ${measure.depth} exceeds the limit of ${limits.maxDepth}`],
          ['aliases', limits.maxAliases, measure.aliases, `Query uses ${measure.aliases} aliases; the limit is ${limits.maxAliases}`],
          ['directives', limits.maxDirectives, directives, `Query uses ${directives} directives; the limit is ${limits.maxDirectives}`],
          ['cost', limits.maxCost, measure.cost, `Query cost ${costText(measure.cost)} exceeds the limit of ${limits.maxCost}`],
        ];
        for (const [limit, maximum, actual, message] of checks)
          if (actual > maximum)
            context.reportError(new QueryLimitError(limit, maximum, Number.isFinite(actual) ? actual : undefined, message, operation));
        return false; // nothing below needs visiting
      },
    };
  };
}

function pageSizeOf(args: readonly ArgumentNode[] | undefined, limits: QueryLimits): number | undefined {
  let size: number | undefined;
  for (const arg of args ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const value =
      arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.VARIABLE ? limits.variableListSize : undefined;
    if (value !== undefined) size = Math.max(size ?? 0, value);
  }
  return size;
}

function costText(cost: number): string {
  return Number.isFinite(cost) && cost < 1e15 ? String(cost) : 'beyond measure';
}

/** graphql-js's message when `parse` stops at `maxTokens` (16.x spells it "more that"). */
export const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;
