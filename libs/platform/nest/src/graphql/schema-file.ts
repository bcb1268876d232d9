import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

export const SCHEMA_FILE_HEADER = `# The public GraphQL schema of council-api, sorted. Generated from the code: do not edit.
# apps/council-api/src/schema.spec.ts fails when this file and the code disagree;
# UPDATE_SCHEMA=1 npm run test:jest -- apps/council-api/src/schema.spec.ts rewrites it.
`;

/** The committed form of a schema: header, then the SDL sorted by name. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `${SCHEMA_FILE_HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
