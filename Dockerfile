# syntax=docker/dockerfile:1
# council-api image. The `build` stage holds every dependency, the sources and dist/,
# so docker-compose.yml also runs the contract tests from it (service contract-tests).
# Debian, not Alpine: the KurrentDB client loads a native addon built for glibc.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# Read models live in SQLite next to the node (./data); the log itself is in KurrentDB.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV PORT=3000
EXPOSE 3000
# The V8 flags of apps/council-api/node-flags.json (ADR 0016): a young generation and heap growth sized for a server.
CMD ["node", "--max-semi-space-size=32", "--heap-growing-percent=100", "--enable-source-maps", "dist/apps/council-api/src/main.js"]
