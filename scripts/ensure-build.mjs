// `npm start` on a fresh clone: build once if there is no production build yet.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

if (!existsSync("build/index.js") || process.env.FORCE_BUILD === "1") {
  console.log("[start] no production build found: running `remix build` (first start only)");
  execSync("npx remix build", { stdio: "inherit" });
}
