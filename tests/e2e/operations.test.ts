import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { databaseChecksums, restoreDatabase } from "../../db/backup";
import { openDatabase } from "../../db/index";
import { prepareDatabase } from "../../db/prepare";
import { testDatabaseUrl } from "../support/database";
import { freePort, startServer, type RunningServer } from "../support/server";

/**
 * Issue 15: several processes (WEB_CONCURRENCY), graceful SIGTERM, request logs, metrics and
 * /readyz, against the production server.
 */

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request on a connection of its own (no keep-alive): the cluster hands each new connection to the next worker. */
export function request(url: string, { method = "GET", cookie, form, headers = {} }: { method?: string; cookie?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const target = new URL(url);
    const outgoing = http.request(
      target,
      {
        method,
        agent: false,
        headers: {
          Connection: "close",
          ...(cookie ? { Cookie: cookie } : {}),
          ...(body !== undefined ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)), Origin: target.origin } : {}),
          ...headers,
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** The pid of the process that answered the request with this id, from its JSON log line (written just after the answer). */
async function servedBy(server: RunningServer, requestId: string): Promise<number> {
  await waitFor(() => loggedPid(server, requestId) !== undefined, `the log line of request ${requestId}`);
  return loggedPid(server, requestId)!;
}

function loggedPid(server: RunningServer, requestId: string): number | undefined {
  for (const line of server.output().split("\n")) {
    if (!line.includes(requestId)) continue;
    try {
      const entry = JSON.parse(line) as { reqId?: string; pid?: number };
      if (entry.reqId === requestId) return entry.pid;
    } catch {
      // not a log line
    }
  }
  return undefined;
}

async function waitFor(check: () => boolean, what: string) {
  for (let attempt = 0; attempt < 600 && !check(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

const run = promisify(execFile);

export const DEMO_LOGIN = { email: "council@demo.l4a.test", password: "demo-hub-2030", redirectTo: "/en" };

describe("the embedded database under a running server", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "l4a-cluster-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("is backed up by npm run db:backup while the server runs (the server writes it), and the backup restores", async () => {
    const dataDir = path.join(folder, "online");
    const server = await startServer({ PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" });
    const file = path.join(folder, "online.l4a.gz");
    try {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/cli/backup.ts", file], {
        cwd: path.resolve(__dirname, "../.."),
        env: { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" },
      });
      expect(stdout).toMatch(/open in the server \(pid \d+\): it writes the backup/);
      expect(stdout).toMatch(/backup written to .*: [1-9]\d+ tables, \d+ rows/);
      expect((await request(`${server.url}/en`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    const live = await openDatabase({ pgliteDataDir: dataDir });
    const restored = await openDatabase({ pgliteDataDir: "memory://" });
    try {
      await restoreDatabase(restored.db, file, { afterRestore: (db) => prepareDatabase(db) });
      const [before, after] = [await databaseChecksums(live.db), await databaseChecksums(restored.db)];
      for (const table of ["hubs", "hub_translations", "users", "organisations", "progress_updates"]) {
        expect(before[table]!.count, table).toBeGreaterThan(0);
        expect(after[table], table).toEqual(before[table]);
      }
    } finally {
      await live.close();
      await restored.close();
    }
  });

  it("refuses several processes (WEB_CONCURRENCY) at start with a clear message", async () => {
    await expect(startServer({ WEB_CONCURRENCY: "2", PGLITE_DATA_DIR: path.join(folder, "pglite"), DATABASE_URL: "" })).rejects.toThrow(
      /WEB_CONCURRENCY: more than one process needs a PostgreSQL server \(DATABASE_URL\)/,
    );
  });
});

describe.runIf(testDatabaseUrl)("on PostgreSQL", () => {
  const admin = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  async function freshDatabase(suffix: string) {
    const name = `l4a_ops_${Date.now().toString(36)}_${suffix}`;
    await admin.unsafe(`create database ${name}`);
    created.push(name);
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  }

  it("runs two workers that share sessions and see each other's writes at once", async () => {
    const databaseUrl = await freshDatabase("pair");
    const server = await startServer({ DATABASE_URL: databaseUrl, WEB_CONCURRENCY: "2" });
    const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await waitFor(() => server.output().split("[server] ready at").length - 1 >= 2, "two workers");
      // Signed in on one worker…
      const login = await request(`${server.url}/en/login`, { method: "POST", form: DEMO_LOGIN });
      expect(login.status).toBe(302);
      const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
      const pids = new Set<number>();
      pids.add(await servedBy(server, String(login.headers["x-request-id"])));
      // …signed in on every worker, at once.
      for (let index = 0; index < 6; index += 1) {
        const page = await request(`${server.url}/en/account`, { cookie });
        expect(page.status).toBe(200);
        pids.add(await servedBy(server, String(page.headers["x-request-id"])));
      }
      expect([...pids]).toHaveLength(2);

      // A write seen by both at once: a HUB renamed in the database shows on the next page of
      // each worker (each keeps its own page cache, keyed by the database's version counter).
      const [hub] = await db`select h.slug, t.title from hubs h join hub_translations t on t.hub_id = h.id and t.language = 'en' where h.status in ('recognised', 'active') limit 1`;
      const renamed = `${hub!.title} (renamed)`;
      const seen = new Set<number>();
      for (let index = 0; index < 4; index += 1) await request(`${server.url}/en/hubs/${hub!.slug}`); // warm both caches
      await db`update hub_translations set title = ${renamed} where language = 'en' and hub_id = (select id from hubs where slug = ${hub!.slug})`;
      for (let index = 0; index < 4; index += 1) {
        const page = await request(`${server.url}/en/hubs/${hub!.slug}`);
        expect(page.body).toContain(renamed.replace(/&/g, "&amp;"));
        seen.add(await servedBy(server, String(page.headers["x-request-id"])));
      }
      expect([...seen]).toHaveLength(2);

      // Signed out on one worker: signed out on the other at once.
      const logout = await request(`${server.url}/en/logout`, { method: "POST", cookie, form: {} });
      expect([302, 303]).toContain(logout.status);
      for (let index = 0; index < 2; index += 1) {
        const page = await request(`${server.url}/en/account`, { cookie });
        expect(page.status).toBe(302);
      }
    } finally {
      await db.end();
      await server.stop();
    }
  });

  it("logs one JSON line per request (id, method, route, status, duration, user; never a password or token), serves metrics only when asked, and is ready", async () => {
    const databaseUrl = await freshDatabase("obs");
    const metricsPort = await freePort();
    const token = "metrics-token-of-the-operator";
    const server = await startServer({ DATABASE_URL: databaseUrl, METRICS_PORT: String(metricsPort), METRICS_TOKEN: token });
    try {
      const ready = await request(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toEqual({ ready: true, pendingMigrations: [], database: "postgres" });

      const login = await request(`${server.url}/en/login`, { method: "POST", form: DEMO_LOGIN, headers: { "X-Request-Id": "proxy-given-id-0001" } });
      expect(login.headers["x-request-id"]).toBe("proxy-given-id-0001");
      const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
      const account = await request(`${server.url}/en/account`, { cookie });
      expect(account.status).toBe(200);
      const id = String(account.headers["x-request-id"]);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await servedBy(server, id);
      const line = server.output().split("\n").map((text) => { try { return JSON.parse(text); } catch { return undefined; } }).find((entry) => entry?.reqId === id);
      expect(line).toMatchObject({ reqId: id, method: "GET", route: "routes/$lang.account", path: "/en/account", status: 200, userId: expect.any(Number) });
      expect(line.ms).toEqual(expect.any(Number));
      await servedBy(server, "proxy-given-id-0001");
      expect(server.output()).not.toContain(DEMO_LOGIN.password);
      expect(server.output()).not.toContain(cookie.split("=")[1]);

      const reset = await request(`${server.url}/en/password/reset/secret-reset-token-in-the-path`);
      await servedBy(server, String(reset.headers["x-request-id"]));
      expect(server.output()).not.toContain("secret-reset-token-in-the-path");
      await request(`${server.url}/en`);
      await request(`${server.url}/en`);
      // Metrics: on their own port, and on the app's port only with the token.
      expect((await request(`${server.url}/metrics`)).status).toBe(404);
      const withToken = await request(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
      expect(withToken.status).toBe(200);
      const metrics = await request(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(metrics.status).toBe(200);
      for (const text of [
        'http_requests_total{method="GET",route="routes/$lang._index",status="200"}',
        'http_request_duration_seconds_bucket{le="0.005",method="GET",route="routes/$lang.account"}',
        'page_cache_lookups_total{outcome="hit"}',
        "db_queries_active",
        "db_unavailable_errors",
        "outbox_backlog",
        'job_runs_total{job="reminders",outcome="ok"}',
      ]) {
        expect(metrics.body).toContain(text);
      }
      // The pages above were made by the render thread (RENDER_THREAD's default), not handed back.
      const renderedByThread = Number(/^render_thread_documents\{outcome="rendered"\} (\d+)$/m.exec(metrics.body)?.[1]);
      expect(renderedByThread).toBeGreaterThanOrEqual(2);
    } finally {
      await server.stop();
    }
  });

  it("finishes every acknowledged request on SIGTERM under load, then exits 0", async () => {
    const databaseUrl = await freshDatabase("term");
    const server = await startServer({ DATABASE_URL: databaseUrl, SHUTDOWN_TIMEOUT_MS: "10000" });
    const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    let acknowledged = 0;
    let stopped = false;
    const worker = async () => {
      while (!stopped) {
        try {
          const answer = await request(`${server.url}/en/login`, { method: "POST", form: DEMO_LOGIN });
          if (answer.status === 302 && String(answer.headers["set-cookie"]).includes("l4a_session=")) acknowledged += 1;
          else if (answer.status >= 500) throw new Error(`answered ${answer.status}`);
        } catch (error) {
          // Refused or reset connections are not acknowledged; they mean the server has stopped listening.
          if (error instanceof Error && /answered/.test(error.message)) throw error;
          stopped = true;
        }
      }
    };
    try {
      const load = Promise.all(Array.from({ length: 6 }, worker));
      await waitFor(() => acknowledged >= 5, "some logins");
      const exited = new Promise<number | null>((resolve) => server.process.once("exit", (code) => resolve(code)));
      server.process.kill("SIGTERM");
      await load;
      expect(await exited).toBe(0);
      expect(server.output()).toMatch(/SIGTERM: no new connections/);
      const [{ count }] = await db`select count(*)::int as count from audit_log where action = 'login'`;
      expect(count).toBeGreaterThanOrEqual(acknowledged);
      const [{ sessions }] = await db`select count(*)::int as sessions from sessions s join users u on u.id = s.user_id where u.email = ${DEMO_LOGIN.email}`;
      expect(sessions).toBeGreaterThanOrEqual(acknowledged);
    } finally {
      stopped = true;
      await db.end();
      await server.stop();
    }
  });
});
