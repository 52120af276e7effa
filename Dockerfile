# Mieruka (見える化) as a container: the site, the API and `mieruka` commands, on SQLite or PostgreSQL.
#   docker build -t mieruka .
#   docker run -p 8080:8080 -v mieruka-data:/var/lib/mieruka mieruka
# compose.yaml runs it on PostgreSQL. docs/operations.md covers settings, the first admin, upgrades and backups.
# .ci/container-check builds this image where a Docker engine answers, and otherwise runs these steps for real.

# ---- build: install everything, compile src/ to dist/, then drop the development packages ----
FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 13 ships prebuilt binaries in its npm package, so no compiler is needed; scripts are skipped so
# that `prepare` does not build before the sources are copied, and the build below runs exactly once.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY bin ./bin
COPY data/demo ./data/demo
COPY docs ./docs
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime: Node 22 on Debian bookworm, Debian's Chromium and Japanese fonts for `report --pdf` ----
FROM node:22-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-noto-cjk tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The compiled command only: no src/, so bin/mieruka.js never tries to rebuild, and no TypeScript tooling.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/data/demo ./data/demo
COPY --from=build /app/docs ./docs
# The SQLite database lives outside /app: /app/data/demo is part of the application (the demo and its sources).
RUN mkdir -p /var/lib/mieruka && chown node:node /var/lib/mieruka
VOLUME /var/lib/mieruka
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=8080 \
  DATABASE_URL=/var/lib/mieruka/mieruka.sqlite \
  LOG_LEVEL=info \
  CHROMIUM_PATH=/usr/bin/chromium
# The image's own non-root user (uid 1000); the application files stay root's and read-only to it.
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# tini forwards SIGTERM to node (which closes the server and the database) and reaps Chromium's processes.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--max-semi-space-size=32", "bin/mieruka.js", "serve"]
