import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_HEAP_MB, DEFAULT_MALLOC_ARENAS, serverEnvironment, serverNodeArguments } from "../../server/launch";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the production server's launch", () => {
  it("gives Node a heap budget, changed by NODE_HEAP_MB", () => {
    expect(serverNodeArguments({})).toEqual([`--max-old-space-size=${DEFAULT_HEAP_MB}`, "--import", "tsx", "server/index.ts"]);
    expect(serverNodeArguments({ NODE_HEAP_MB: "1024" })[0]).toBe("--max-old-space-size=1024");
    expect(serverNodeArguments({ NODE_HEAP_MB: "lots" })[0]).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
  });

  it("caps glibc's malloc arenas, changed by MALLOC_ARENA_MAX", () => {
    expect(serverEnvironment({})).toEqual({ MALLOC_ARENA_MAX: String(DEFAULT_MALLOC_ARENAS) });
    expect(serverEnvironment({ MALLOC_ARENA_MAX: "8" })).toEqual({ MALLOC_ARENA_MAX: "8" });
  });

  it("is the same in npm start and in the container image", () => {
    const budget = `--max-old-space-size=\${NODE_HEAP_MB:-${DEFAULT_HEAP_MB}} --import tsx server/index.ts`;
    const scripts = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
    // npm start alone builds when the build is missing or stale (server/build-when-stale.ts); the image is built before.
    expect(scripts.start).toBe(`MALLOC_ARENA_MAX=\${MALLOC_ARENA_MAX:-${DEFAULT_MALLOC_ARENAS}} node ${budget} --build-when-stale`);
    const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
    expect(dockerfile).toContain(`CMD ["sh", "-c", "exec node ${budget}"]`);
    expect(dockerfile).toContain(`ENV MALLOC_ARENA_MAX=${DEFAULT_MALLOC_ARENAS}`);
  });
});
