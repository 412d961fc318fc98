// `npm start`: build when there is no production build yet, or when the sources are newer than it.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD = "build/index.js";

function newestSourceTime(entries) {
  let newest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const stats = statSync(entry);
    if (stats.isDirectory()) readdirSync(entry).forEach((name) => visit(path.join(entry, name)));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  entries.forEach(visit);
  return newest;
}

const stale = !existsSync(BUILD) || newestSourceTime(["app", "remix.config.js", "package-lock.json"]) > statSync(BUILD).mtimeMs;
if (stale) {
  console.log(existsSync(BUILD) ? "[start] sources changed since the last build: rebuilding" : "[start] no production build yet: building (first start only)");
  execSync("npx remix build", { stdio: "inherit" });
}
