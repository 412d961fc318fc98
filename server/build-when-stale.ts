import { execSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm start` builds (`npm run build:fast`: the Remix build, then its assets compressed at fast
 * settings, not zopfli: see scripts/compress-assets.mjs) when there is no production build yet, when
 * the sources are newer than it, or when the assets were not compressed. A build already there, fast
 * or best (`npm run build`), is served as it is. The server starts the build beside the database's
 * preparation (PGlite's initdb, migrations, the demo data), which needs one core while the build
 * mostly uses the other: a fresh clone's first start is the longer of the two, not their sum.
 * The Dockerfile's CMD and the tests start the server on a build they made, without this.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BUILD = path.join(ROOT, "build/index.js");
const ASSETS = path.join(ROOT, "public/build");
const SOURCES = ["app", "locales", "remix.config.js", "package-lock.json", "scripts/compress-assets.mjs"];

/**
 * `remix build` follows NODE_ENV: under NODE_ENV=development it makes a development build (React's
 * jsxDEV), which a later production server cannot render (every page a 500). What `npm start`
 * builds is the production build, whatever NODE_ENV the server itself runs with.
 */
const PRODUCTION_BUILD_ENV: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" as const };

function newestSourceTime(): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stats = statSync(entry);
    if (stats.isDirectory()) readdirSync(entry).forEach((name) => visit(path.join(entry, name)));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  SOURCES.forEach((source) => visit(path.join(ROOT, source)));
  return newest;
}

/** Why the build must be made again, or null when the one there is current. */
export function staleBuildReason(): string | null {
  if (!existsSync(BUILD)) return "no production build yet: building (first start only)";
  // scripts/compress-assets.mjs writes a .br beside the client entry; `remix build` alone does not.
  const compressed = existsSync(ASSETS) && readdirSync(ASSETS).some((name) => /^entry\.client-.*\.js\.br$/.test(name));
  if (!compressed) return "the build's assets are not compressed: rebuilding";
  if (newestSourceTime() > statSync(BUILD).mtimeMs) return "sources changed since the last build: rebuilding";
  return null;
}

/** Starts `npm run build:fast` when the build is stale; resolves when the build is current. */
export function buildWhenStale(log: (message: string) => void): Promise<void> {
  const reason = staleBuildReason();
  if (!reason) return Promise.resolve();
  log(`[start] ${reason}`);
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "build:fast"], { cwd: ROOT, stdio: "inherit", env: PRODUCTION_BUILD_ENV });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`npm run build:fast failed (${signal ?? `exit code ${code}`})`))));
  });
}

// `tsx server/build-when-stale.ts` (the bench): the same, in the foreground.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reason = staleBuildReason();
  if (reason) {
    console.log(`[start] ${reason}`);
    execSync("npm run build:fast", { cwd: ROOT, stdio: "inherit", env: PRODUCTION_BUILD_ENV });
  }
}
