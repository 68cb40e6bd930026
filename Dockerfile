# The image of every CityTwin server process (api, ingest, simulator); docker-compose.yml picks
# the command. Multi-stage: dependencies, then the build, then a runtime that runs as `node`.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 (the .mbtiles basemap) compiles from source where no prebuilt binary can be fetched.
RUN npm install -g pnpm@10.28.1 && apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY shared/package.json shared/
COPY store/package.json store/
COPY ingest/package.json ingest/
COPY api/package.json api/
COPY web/package.json web/
COPY simulators/package.json simulators/
COPY test/package.json test/
RUN pnpm install --frozen-lockfile

FROM deps AS build
# Only what the product needs: sources and the city boundary files in api/cities (nothing from ../shared).
COPY . .
RUN pnpm --filter @citytwin/web build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
RUN npm install -g pnpm@10.28.1 && apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 8080 9464
# tini forwards SIGTERM to node, so the graceful stop (docs/operations.md) runs.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--import", "tsx", "api/src/main.ts"]
# The API's liveness by default; an ingest worker's container sets HEALTHCHECK_URL to its
# readiness (broker connected, store answering, commits not stalled: docs/operations.md).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch(process.env.HEALTHCHECK_URL||'http://127.0.0.1:'+(process.env.PORT||8080)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
