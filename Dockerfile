# syntax=docker/dockerfile:1
# RRNET's image: one image for the web process and the worker (compose.yaml picks the command).
# Build: docker build --build-arg RRNET_GIT_COMMIT=$(git rev-parse HEAD) -t rrnet .
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, the Prisma client, the Next build; then production deps only ----
FROM ${NODE_IMAGE} AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
# postinstall: patch-package (node-routeros, adapter-pg) and the Prisma client (WebAssembly engine).
RUN npm ci
COPY . .
ARG RRNET_GIT_COMMIT=unknown
ENV RRNET_GIT_COMMIT=${RRNET_GIT_COMMIT} NEXT_TELEMETRY_DISABLED=1
# The build renders nothing at build time (every page is dynamic); these only satisfy the
# environment check of modules it loads. The real values come at run time.
RUN APP_ENV=test ROOT_DOMAIN=build.invalid AUTH_SECRET=build-only-secret-0123456789-0123456789 \
    METRICS_TOKEN=build-only-metrics-token DATABASE_URL=postgresql://build@127.0.0.1:1/build REDIS_URL=redis://127.0.0.1:1/0 \
    npx next build \
  && npm prune --omit=dev \
  && rm -rf .next/cache

# ---- runtime: production dependencies, the build, the server sources tsx runs; non-root ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production APP_ENV=production APP_HOST=0.0.0.0 APP_PORT=3000 TRUST_PROXY=true NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build --chown=node:node /app /app
# Photos and attachments (FILE_STORAGE=local): compose mounts the shared `files` volume here.
RUN mkdir -p /data/files && chown node:node /data/files
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.APP_PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The web process; the worker runs `bash scripts/tsx-server.sh worker/index.ts`, migrations
# `bash scripts/prisma.sh migrate deploy`.
CMD ["bash", "scripts/tsx-server.sh", "server/http/web-server.ts"]
