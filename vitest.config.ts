import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests: a real database per test file (PGlite in memory, or a fresh
// PostgreSQL database when TEST_DATABASE_URL is set).
export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // One migrated database per run, which every test file's database is copied from.
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
