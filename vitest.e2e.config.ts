import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser and HTTP tests against the production build, one server per test file.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Each file starts a server and a Chromium; two at once is what 2 cores can carry.
    maxWorkers: 2,
    minWorkers: 1,
    // A journey's budget catches a hang; it is not a speed check (the bench measures speed). Alone
    // the longest journeys take 20-45 s, beside another file on a loaded CI machine up to three
    // times that: 60 s failed a passing journey in two CI runs out of three.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
