/**
 * npm run lighthouse [-- --no-build] [--runs 3]
 *
 * Lighthouse (mobile: its default emulated phone, simulated slow 4G and 4× CPU slowdown) on the public
 * map page and a HUB page, offline against the production build: the build (unless --no-build), the
 * server on a free loopback port with a throw-away embedded database loaded with the demo data, then
 * Lighthouse's CLI in Debian's Chromium (CHROME_PATH, default /usr/bin/chromium). Prints the four
 * category scores per page (the median of --runs runs, default 1) and the audits that lost points.
 *
 * Not part of `npm test` or CI: one run takes about a minute, and the performance score depends on
 * how busy the machine is.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const RUNS = Math.max(1, Number(args[args.indexOf("--runs") + 1]) || 1);
const PAGES = [
  { name: "map page", path: "/en" },
  { name: "HUB page", path: "/en/hubs/bogota-cycle-network" },
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

interface LighthouseResult {
  categories: Record<(typeof CATEGORIES)[number], { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

async function startServer(port: number, dataDir: string) {
  // Always a fresh embedded database with the demo data, whatever DATABASE_URL the shell has.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "production", DEMO_MODE: "true", PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, PGLITE_DATA_DIR: dataDir, SESSION_SECRET: randomBytes(32).toString("hex") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 120_000);
    child.stdout.on("data", () => {
      if (output.includes("[server] ready at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  return child;
}

function runLighthouse(url: string): LighthouseResult {
  const cli = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");
  const json = execFileSync(
    process.execPath,
    [
      cli,
      url,
      "--quiet",
      "--output=json",
      "--output-path=stdout",
      `--only-categories=${CATEGORIES.join(",")}`,
      "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(json.toString()) as LighthouseResult;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!args.includes("--no-build")) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
const dataRoot = mkdtempSync(path.join(tmpdir(), "l4a-lighthouse-"));
const port = await freePort();
const server = await startServer(port, path.join(dataRoot, "pglite"));
try {
  const rows: string[] = [];
  for (const page of PAGES) {
    const url = `http://127.0.0.1:${port}${page.path}`;
    const results = Array.from({ length: RUNS }, () => runLighthouse(url));
    const scores = CATEGORIES.map((category) => median(results.map((result) => Math.round((result.categories[category].score ?? 0) * 100))));
    rows.push(`${page.name.padEnd(9)} ${page.path.padEnd(30)} ${scores.map((score) => String(score).padStart(16)).join("")}`);
    // What lost points in the last run, per category (audits with a weight that did not pass).
    const last = results[results.length - 1];
    for (const category of CATEGORIES) {
      for (const ref of last.categories[category].auditRefs) {
        const audit = last.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative") {
          console.log(`  ${page.name}, ${category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""} — ${Math.round(audit.score * 100)}`);
        }
      }
    }
  }
  console.log(`\nLighthouse, mobile, ${RUNS === 1 ? "one run" : `median of ${RUNS} runs`} per page:`);
  console.log(`${"page".padEnd(9)} ${"path".padEnd(30)} ${CATEGORIES.map((category) => category.padStart(16)).join("")}`);
  for (const row of rows) console.log(row);
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(dataRoot, { recursive: true, force: true });
}
