# The registry's image: build stage (install, build), then a runtime stage with the production
# build and its dependencies. scripts/docker-steps.sh runs these same steps, in this order, in a
# clean folder (CI does, on machines without a container daemon): keep to FROM, WORKDIR, COPY,
# RUN, ENV, EXPOSE, USER, HEALTHCHECK and an exec-form CMD so that script can follow.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall applies these fixes to dependencies (patch-package).
COPY patches ./patches
RUN npm ci --no-audit --no-fund --prefer-offline
COPY . .
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
ENV PORT=3000
# Two malloc arenas: less memory kept per thread (server/launch.ts).
ENV MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The heap budget bounds the server's memory (server/launch.ts); NODE_HEAP_MB changes it.
CMD ["sh", "-c", "exec node --max-old-space-size=${NODE_HEAP_MB:-384} --import tsx server/index.ts"]
