import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Refuses a subscription sent as a plain HTTP request. Apollo would run it once, as if it
 * were a query, and answer with a single, meaningless event; subscriptions live on the
 * graphql-ws socket at the same path.
 */
export function subscriptionsOverHttpRefused(path: string): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(`Subscriptions are served over a WebSocket (the graphql-ws protocol) at ${path}, not as an HTTP request`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        },
      };
    },
  };
}
