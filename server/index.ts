import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { AggregatorRegistry } from "prom-client";
import { serviceUnavailable, isDatabaseUnavailableError } from "../db/errors";
import { openDatabase } from "../db/index";
import { prepareDatabase } from "../db/prepare";
import { withStartupLock } from "../db/startup-lock";
import { InvalidEnvironmentError, getEnv, type Env } from "../app/modules/config/env.server";
import { seedDemoWhenEmpty } from "../app/modules/demo/seed.server";
import { createApp } from "./app";
import { startOutboxDelivery } from "../app/modules/mail/delivery.server";
import { startAccountsHousekeeping } from "../app/modules/accounts/housekeeping.server";
import { startJobRunner } from "../app/modules/progress/jobs.server";
import { publicOrigin } from "../app/modules/http/public-url.server";
import { createLogger } from "./logger";
import { answerBackupRequests } from "./online-backup";
import { buildWhenStale } from "./build-when-stale";
import { startRenderWorker } from "./render-worker";

/**
 * `npm start`: one process, or with WEB_CONCURRENCY=N (PostgreSQL only) a primary that starts N
 * workers (Node's cluster module: they share the port) and restarts one that dies. Every piece
 * of shared state is in PostgreSQL (sessions, rate limits, outbox, job claims, the public data
 * version the per-process caches follow): see docs/decisions/110-operations.md.
 * SIGTERM/SIGINT: stop accepting, let requests in flight finish (SHUTDOWN_TIMEOUT_MS), stop the
 * jobs, close the database.
 */
const startedAt = performance.now();

function loadEnv() {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const env = loadEnv();
const log = createLogger(env.LOG_LEVEL);

// `npm start` passes --build-when-stale: the build, when there is none or it is older than the
// sources, is made while the database is prepared (server/build-when-stale.ts). A cluster's
// workers start after their primary has it.
const buildReady =
  process.argv.includes("--build-when-stale") && cluster.isPrimary ? buildWhenStale((message) => log.info(message)) : Promise.resolve();
// Awaited where the build is loaded; until then a failure must not count as an unhandled rejection.
buildReady.catch(() => {});

async function awaitBuild() {
  await buildReady.catch((error) => {
    log.error(`[start] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}

if (env.WEB_CONCURRENCY > 1 && cluster.isPrimary) await runPrimary(env);
else await runWorker(env);

async function runPrimary(env: Env) {
  await awaitBuild();
  log.info({ workers: env.WEB_CONCURRENCY }, `[server] starting ${env.WEB_CONCURRENCY} worker processes`);
  let stopping = false;
  const fork = () => cluster.fork();
  for (let index = 0; index < env.WEB_CONCURRENCY; index += 1) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error({ worker: worker.process.pid, code, signal }, "[server] a worker stopped: starting another");
    setTimeout(fork, 1_000).unref();
  });
  if (env.METRICS_PORT) {
    // The sum of every worker's metrics, asked of them over IPC.
    const aggregator = new AggregatorRegistry();
    http
      .createServer(async (request, response) => {
        if (request.url !== "/metrics") return response.writeHead(404).end();
        try {
          const body = await aggregator.clusterMetrics();
          response.writeHead(200, { "Content-Type": aggregator.contentType, "Cache-Control": "no-store" }).end(body);
        } catch {
          response.writeHead(503).end();
        }
      })
      .listen(env.METRICS_PORT, () => log.info(`[metrics] on port ${env.METRICS_PORT}`));
  }
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`[server] ${signal}: stopping the workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    // A worker ends its own requests within SHUTDOWN_TIMEOUT_MS; this is the primary's bound on top.
    setTimeout(() => process.exit(1), env.SHUTDOWN_TIMEOUT_MS + 10_000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

/**
 * A loader that starts two queries and awaits one leaves the other's rejection unhandled when
 * the database goes away under both; Node would end the process for it. A rejection that is a
 * response (the mapped 503) or a lost connection is that case: the request already failed with
 * its own 503, so it is logged, not fatal. Anything else keeps Node's behaviour (log, exit 1).
 */
function survivesLostDatabaseRejections() {
  process.on("unhandledRejection", (reason) => {
    if (reason instanceof Response || isDatabaseUnavailableError(reason)) {
      log.warn(`[db] a query failed after its request had already failed (${reason instanceof Response ? reason.status : (reason as { code?: string }).code})`);
      return;
    }
    log.fatal({ err: reason }, "unhandled promise rejection");
    process.exit(1);
  });
}

async function runWorker(env: Env) {
  survivesLostDatabaseRejections();
  if (env.sessionSecretGenerated) {
    log.warn("[config] SESSION_SECRET is not set: using a random one for this demo run (sessions end at restart). Set it in production.");
  }
  let shutdown: (signal: string, code?: number) => Promise<void> = async (_signal, code = 1) => process.exit(code);

  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    poolSize: env.DB_POOL_SIZE,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    preparedStatements: env.DB_PREPARED_STATEMENTS,
    // A lost database becomes a 503 page for the request (its own Response), never a crash or a 500.
    mapError: (error) => (isDatabaseUnavailableError(error) ? serviceUnavailable() : error),
    onLockLost: () => {
      log.error(`[db] the lock of ${env.PGLITE_DATA_DIR} is no longer this process's: stopping`);
      void shutdown("lock lost", 1);
    },
  }).catch((error) => {
    log.error(`[db] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
  log.info(`[db] using ${database.kind === "pglite" ? `the embedded database (PGlite) in ${env.PGLITE_DATA_DIR}` : "PostgreSQL (DATABASE_URL)"}`);

  // Several processes may start together: one migrates and seeds, the others wait and find it done.
  const info = (message: string) => log.info(message);
  await withStartupLock(env.DATABASE_URL, async () => {
    await prepareDatabase(database.db, { log: info });
    if (env.demoMode) await seedDemoWhenEmpty(database.db, { log: info });
  });

  await awaitBuild();
  const buildUrl = pathToFileURL(path.resolve("build/index.js")).href;
  // The render thread loads its copy of the build while this thread loads its own.
  const renderer = env.RENDER_THREAD ? startRenderWorker({ buildUrl, logger: log }) : undefined;
  const build = (await import(buildUrl)) as ServerBuild;
  const { jobRuns, watchOutbox, watchRenderThread, registry } = await import("./metrics");
  const metrics = Boolean(env.METRICS_PORT || env.METRICS_TOKEN);
  if (metrics) watchOutbox(database.db);
  if (metrics && renderer) watchRenderThread(renderer);
  const app = createApp({ build, database, env, logger: log, renderer });
  // With SMTP_URL, queued e-mail is sent right after it is queued and by this periodic pass (retries).
  const stopOutboxDelivery = startOutboxDelivery(database.db, env.SMTP_URL);
  const stopHousekeeping = startAccountsHousekeeping(database.db, { outboxRetentionDays: env.OUTBOX_RETENTION_DAYS });
  // The first pages are made by the render thread too (without one, on this thread: see render-worker.ts).
  await renderer?.whenReady();
  const server = app.listen(env.PORT, () => {
    log.info(`[server] ready at http://localhost:${env.PORT} (started in ${Math.round(performance.now() - startedAt)} ms)`);
  });
  // A single process serves its own metrics on METRICS_PORT; a cluster's primary serves the sum.
  const metricsServer =
    env.METRICS_PORT && !cluster.isWorker
      ? http
          .createServer(async (request, response) => {
            if (request.url !== "/metrics") return response.writeHead(404).end();
            response.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" }).end(await registry.metrics());
          })
          .listen(env.METRICS_PORT)
      : undefined;

  // `npm run db:backup` while this process has the embedded database: it asks this process.
  const stopBackupRequests = database.kind === "pglite" ? answerBackupRequests(database, env.PGLITE_DATA_DIR, log) : () => {};

  // Report reminders and the calls' e-mails every minute; each is sent once, even with several processes.
  const jobs = startJobRunner(database.db, {
    smtpUrl: env.SMTP_URL,
    origin: publicOrigin(env),
    log: info,
    onRun: metrics ? (outcome) => jobRuns.inc({ job: "reminders", outcome }) : undefined,
  });

  let closing = false;
  shutdown = async (signal: string, code = 0) => {
    if (closing) return;
    closing = true;
    log.info(`[server] ${signal}: no new connections; finishing the requests in flight (at most ${env.SHUTDOWN_TIMEOUT_MS} ms)`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle keep-alive connections go now; busy ones when their response is sent.
    server.closeIdleConnections();
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, env.SHUTDOWN_TIMEOUT_MS).unref());
    await Promise.race([closed, deadline]);
    clearInterval(idleSweep);
    server.closeAllConnections();
    metricsServer?.close();
    stopOutboxDelivery();
    stopHousekeeping();
    stopBackupRequests();
    jobs.stop();
    await renderer?.close();
    await database.close().catch(() => {});
    log.info("[server] stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}
