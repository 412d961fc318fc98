import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "~/modules/config/env.server";

describe("environment", () => {
  it("defaults to port 3000, the embedded database and demo mode outside production", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.demoMode).toBe(true);
    expect(env.sessionSecretGenerated).toBe(true);
    expect(env.SESSION_SECRET).toHaveLength(64);
  });

  it("requires SESSION_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(InvalidEnvironmentError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: is required in production/);
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) });
    expect(env.demoMode).toBe(false);
    expect(env.sessionSecretGenerated).toBe(false);
  });

  it("rejects a malformed port, database URL or tile URL with the variable's name", () => {
    expect(() => parseEnv({ PORT: "seventy" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ MAP_TILE_URL: "http://tiles.example.org/{z}/{x}/{y}.png" })).toThrow(/MAP_TILE_URL/);
  });

  it("accepts a PostgreSQL URL and treats an empty one as unset", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@127.0.0.1:5432/db" }).DATABASE_URL).toBe("postgres://u@127.0.0.1:5432/db");
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
