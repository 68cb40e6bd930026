# One image for every CityTwin process; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@10.28.1
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY shared/package.json shared/
COPY store/package.json store/
COPY ingest/package.json ingest/
COPY api/package.json api/
COPY web/package.json web/
COPY simulators/package.json simulators/
COPY test/package.json test/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @citytwin/web build
ENV HOST=0.0.0.0 PORT=8080
EXPOSE 8080
CMD ["pnpm", "--filter", "@citytwin/api", "start"]
