import { sql } from "kysely";
import client from "prom-client";
import type { DB } from "../db/index";
import { queryStats } from "../db/resilient-dialect";
import type { DocumentRenderer } from "./render-worker";

/**
 * Prometheus metrics (prom-client), off unless METRICS_PORT or METRICS_TOKEN is set
 * (docs/deploy.md). Request counts and latency per route, database queries in flight and their
 * errors, page-cache lookups, the render thread's pages, job runs and failures, the outbox backlog, and Node's own.
 * With WEB_CONCURRENCY > 1 the primary process serves the sum of every worker's on METRICS_PORT.
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

export const httpRequests = new client.Counter({
  name: "http_requests_total",
  help: "HTTP requests answered, by method, route and status",
  labelNames: ["method", "route", "status"] as const,
  registers: [registry],
});

export const httpDuration = new client.Histogram({
  name: "http_request_duration_seconds",
  help: "Time to answer an HTTP request, by method and route",
  labelNames: ["method", "route"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
  registers: [registry],
});

export const pageCacheLookups = new client.Counter({
  name: "page_cache_lookups_total",
  help: "Public page cache lookups: hit, miss, or bypass (version read failed)",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

export const jobRuns = new client.Counter({
  name: "job_runs_total",
  help: "Runs of the periodic jobs (reminders, outbox delivery, housekeeping), by job and outcome",
  labelNames: ["job", "outcome"] as const,
  registers: [registry],
});

new client.Gauge({
  name: "db_queries_active",
  help: "Database queries running now",
  registers: [registry],
  collect() {
    this.set(queryStats.active);
  },
});

new client.Gauge({
  name: "db_query_errors",
  help: "Database queries that failed since start (any error)",
  registers: [registry],
  collect() {
    this.set(queryStats.errors);
  },
});

new client.Gauge({
  name: "db_unavailable_errors",
  help: "Database queries that failed since start because the database was out of reach",
  registers: [registry],
  collect() {
    this.set(queryStats.unavailable);
  },
});

/**
 * A gauge read from something the server hands over once it has it (the database, the render
 * thread); until then it reports nothing. Returns the function that hands it over.
 */
function watchedGauge<Subject, Label extends string = never>(
  options: { name: string; help: string; labelNames?: readonly Label[]; aggregator?: "max" },
  read: (gauge: client.Gauge<Label>, subject: Subject) => void | Promise<void>,
) {
  let subject: Subject | undefined;
  new client.Gauge<Label>({
    ...options,
    registers: [registry],
    async collect() {
      if (subject !== undefined) await read(this, subject);
    },
  });
  return (watched: Subject) => {
    subject = watched;
  };
}

/** The render thread whose pages are counted. */
export const watchRenderThread = watchedGauge<DocumentRenderer, "outcome">(
  {
    name: "render_thread_documents",
    help: "Pages since start made by the render thread (rendered), handed back to the main thread (declined), or failed because the thread stopped answering (stalled)",
    labelNames: ["outcome"],
  },
  (gauge, renderer) => {
    const { rendered, declined, stalled } = renderer.counts();
    gauge.set({ outcome: "rendered" }, rendered);
    gauge.set({ outcome: "declined" }, declined);
    gauge.set({ outcome: "stalled" }, stalled);
  },
);

/** The database the outbox backlog gauge counts in. */
export const watchOutbox = watchedGauge<DB>({ name: "outbox_backlog", help: "E-mails queued and not yet sent", aggregator: "max" }, async (gauge, db) => {
  try {
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from outbox where sent_at is null`.execute(db);
    gauge.set(rows[0]?.count ?? 0);
  } catch {
    // the database is out of reach: the gauge keeps its last value, db_unavailable_errors tells
  }
});

/** Counts one run of a periodic job, and its failure. */
export async function countJob<T>(job: string, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    jobRuns.inc({ job, outcome: "ok" });
    return result;
  } catch (error) {
    jobRuns.inc({ job, outcome: "failed" });
    throw error;
  }
}
