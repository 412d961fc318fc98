// `npm start`: build (`npm run build:fast`: the Remix build, then its assets compressed at fast
// settings, not zopfli: see scripts/compress-assets.mjs) when there is no production build yet, when
// the sources are newer than it, or when the assets were not compressed. A build already there, fast
// or best (`npm run build`), is served as it is.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD = "build/index.js";
const ASSETS = "public/build";

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

// scripts/compress-assets.mjs writes a .br beside the client entry; `remix build` alone does not.
const compressed = existsSync(ASSETS) && readdirSync(ASSETS).some((name) => /^entry\.client-.*\.js\.br$/.test(name));
const sources = ["app", "locales", "remix.config.js", "package-lock.json", "scripts/compress-assets.mjs"];
const stale = !existsSync(BUILD) || !compressed || newestSourceTime(sources) > statSync(BUILD).mtimeMs;
if (stale) {
  console.log(existsSync(BUILD) ? "[start] sources changed since the last build, or its assets are not compressed: rebuilding" : "[start] no production build yet: building (first start only)");
  execSync("npm run build:fast", { stdio: "inherit" });
}
