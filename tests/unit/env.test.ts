import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv, serverMode } from "~/modules/config/env.server";

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

  it("asks council and secretariat for two-step sign-in in production, nobody elsewhere; REQUIRE_MFA widens or (for a demo) turns it off", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), PUBLIC_URL: "https://hubs.example.org" };
    expect(parseEnv(production).REQUIRE_MFA).toBe("staff");
    expect(parseEnv({ ...production, REQUIRE_MFA: "all" }).REQUIRE_MFA).toBe("all");
    expect(parseEnv({}).REQUIRE_MFA).toBe("off");
    expect(() => parseEnv({ REQUIRE_MFA: "sometimes" })).toThrow(/REQUIRE_MFA/);
    const env = parseEnv({});
    expect([env.SESSION_IDLE_MINUTES_SECRETARIAT, env.SESSION_IDLE_MINUTES_COUNCIL, env.SESSION_IDLE_MINUTES_CITY]).toEqual([30, 120, 120]);
  });

  it("requires SESSION_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(InvalidEnvironmentError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: is required in production/);
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), PUBLIC_URL: "https://hubs.example.org" });
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

  it("refuses to start in production without PUBLIC_URL, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) })).toThrow(/PUBLIC_URL: is required when NODE_ENV=production/);
    // Outside production the local server's address stands in (never the request's Host).
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "test" }).PUBLIC_URL).toBeUndefined();
  });

  it("takes PUBLIC_URL as an http(s) origin only", () => {
    expect(parseEnv({ PUBLIC_URL: "https://hubs.example.org/" }).PUBLIC_URL).toBe("https://hubs.example.org");
    expect(parseEnv({ PUBLIC_URL: "http://localhost:3000" }).PUBLIC_URL).toBe("http://localhost:3000");
    for (const bad of ["hubs.example.org", "ftp://hubs.example.org", "javascript:alert(1)", "https://hubs.example.org/registry", "https://hubs.example.org/?a=1", "https://user:pw@hubs.example.org"]) {
      expect(() => parseEnv({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
    }
  });

  it("leaves NODE_ENV unset when it is unset: only an explicit development shows stack traces", () => {
    expect(parseEnv({}).NODE_ENV).toBeUndefined();
    expect(serverMode(parseEnv({}))).toBe("production");
    expect(serverMode(parseEnv({ NODE_ENV: "test" }))).toBe("production");
    expect(serverMode(parseEnv({ NODE_ENV: "development" }))).toBe("development");
  });

  it("trusts no proxy unless TRUST_PROXY says which (a hop count or addresses)", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8, 2001:db8::1" }).TRUST_PROXY).toEqual(["loopback", "10.0.0.0/8", "2001:db8::1"]);
    for (const bad of ["true", "10.0.0.0/33", "proxy.example.org", "1.2.3", "-1"]) {
      expect(() => parseEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it("limits form bodies to 256 KiB unless MAX_FORM_BYTES says otherwise", () => {
    expect(parseEnv({}).MAX_FORM_BYTES).toBe(262_144);
    expect(parseEnv({ MAX_FORM_BYTES: "500000" }).MAX_FORM_BYTES).toBe(500_000);
    expect(() => parseEnv({ MAX_FORM_BYTES: "lots" })).toThrow(/MAX_FORM_BYTES/);
  });

  it("opens 5 PostgreSQL connections per process unless DB_POOL_SIZE says otherwise (1 to 100)", () => {
    expect(parseEnv({}).DB_POOL_SIZE).toBe(5);
    expect(parseEnv({ DB_POOL_SIZE: "12" }).DB_POOL_SIZE).toBe(12);
    expect(() => parseEnv({ DB_POOL_SIZE: "0" })).toThrow(/DB_POOL_SIZE/);
    expect(() => parseEnv({ DB_POOL_SIZE: "many" })).toThrow(/DB_POOL_SIZE/);
  });

  it("prepares statements on PostgreSQL unless DB_PREPARED_STATEMENTS=false (a pooler that cannot keep them)", () => {
    expect(parseEnv({}).DB_PREPARED_STATEMENTS).toBe(true);
    expect(parseEnv({ DB_PREPARED_STATEMENTS: "false" }).DB_PREPARED_STATEMENTS).toBe(false);
    expect(() => parseEnv({ DB_PREPARED_STATEMENTS: "sometimes" })).toThrow(/DB_PREPARED_STATEMENTS/);
  });
});
