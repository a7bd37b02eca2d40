# syntax=docker/dockerfile:1
# Build stage: native addons (better-sqlite3) need a compiler; the runtime image does not.
FROM node:22-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY config ./config

FROM node:22-slim
ENV NODE_ENV=production PORT=3000 INFRA_CONFIG=/app/config/infra.yaml DATABASE_URL=sqlite:/data/k8s-infra-bot.sqlite
WORKDIR /app
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
