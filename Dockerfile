# syntax=docker/dockerfile:1
# Build stage: every dependency (typescript is a devDependency) and a compiler for the native
# addon (better-sqlite3); neither reaches the runtime image.
FROM node:22-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build
# Production dependencies only, reusing the addon compiled above.
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:22-slim
ENV NODE_ENV=production PORT=3000 INFRA_CONFIG=/app/config/infra.yaml DATABASE_URL=sqlite:/data/k8s-infra-bot.sqlite
WORKDIR /app
RUN mkdir -p /data && chown node:node /data
# Owned by root and read-only to the bot: the process can change nothing it runs from.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY scripts/dist.mjs ./scripts/dist.mjs
COPY config ./config
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node runs as PID 1 with no npm or shell in between, so SIGTERM reaches the bot's own handler,
# which drains within SHUTDOWN_GRACE_MS (default 25 s, inside the pod's 30 s grace period).
# A small young generation keeps RSS near the live heap (about 40 MB) instead of growing by tens of
# MB under a burst of commands; the old-space cap sits well inside the pod's 256Mi limit. The same
# flags as `npm start` (package.json), measured by bench/runtime.bench.ts.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=2", "--max-old-space-size=160", "dist/main.js"]
