# The web app as static files behind nginx (non-root), with cache headers, proxying the API.
FROM node:20-bookworm-slim AS build
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
COPY shared shared
COPY web web
COPY tsconfig.base.json tsconfig.json ./
RUN pnpm --filter @citytwin/web build

FROM nginxinc/nginx-unprivileged:1.27-alpine AS runtime
COPY docs/deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/web/dist /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
