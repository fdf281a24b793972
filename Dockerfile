# syntax=docker/dockerfile:1
# The service in its production layout, as .ci/production.sh runs it in CI (docs/operations.md): built once
# with every dependency, then run from dist/ with the production dependencies only, as the unprivileged `node`
# user, the service itself as PID 1 (it stops cleanly on SIGTERM). Debian slim: better-sqlite3's glibc build.
# No image is built on the project's CI machine (no container engine, no base images to pull):
# test/ops/productionLayout.test.ts checks this file says what .ci/production.sh does.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
# PRODUCTION FILES (the same as .ci/production.sh copies)
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/examples ./examples
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/package-lock.json ./package-lock.json
COPY --from=build /app/.npmrc ./.npmrc
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error && npm cache clean --force \
  && mkdir -p /data && chown node:node /data
# PRODUCTION ENVIRONMENT (AUTH_MODE=entra needs ENTRA_TENANT_IDS and ENTRA_CLIENT_ID at run time)
ENV NODE_ENV=production AUTH_MODE=entra HOST=0.0.0.0 PORT=3000 METRICS_PORT=9464 DATA_DIR=/data LOG_LEVEL=info
USER node
EXPOSE 3000 9464
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/service.js"]
