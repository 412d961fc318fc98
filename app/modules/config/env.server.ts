import { randomBytes } from "node:crypto";
import { z } from "zod";
import { parsePublicUrl } from "~/modules/http/public-url";
import { parseTrustProxy, type TrustProxy } from "~/modules/http/trust-proxy.server";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const EnvSchema = z
  .object({
    /** Unset is neither: no stack traces (only an explicit "development" shows them), and PUBLIC_URL is not required. */
    NODE_ENV: z.enum(["development", "production", "test"]).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Demo mode seeds an empty database with demo data and accounts; never on by default in production. */
    DEMO_MODE: booleanFlag.optional(),
    MAP_TILE_URL: z
      .string()
      .regex(/^https:\/\/.*\{z\}.*\{x\}.*\{y\}/, "must be an https tile URL template with {z}, {x} and {y}")
      .optional(),
    MAP_TILE_ATTRIBUTION: z.string().optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//).optional(),
    /** The one origin every absolute URL is built from (e-mails, canonical, feeds); required in production. */
    PUBLIC_URL: z
      .string()
      .transform((value, context) => {
        const parsed = parsePublicUrl(value);
        if (typeof parsed === "string") return parsed;
        context.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      })
      .optional(),
    /** Which proxies' X-Forwarded-* headers count: off unless set (see http/trust-proxy.server.ts). */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, context): TrustProxy => {
        const parsed = parseTrustProxy(value);
        if (typeof parsed === "object" && !Array.isArray(parsed)) {
          context.addIssue({ code: "custom", message: parsed.error });
          return z.NEVER;
        }
        return parsed;
      }),
    /** The largest form body accepted, in bytes; a larger one is answered 413 before it is read. */
    MAX_FORM_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(256 * 1024),
    /** Days the outbox keeps a message (its link token goes earlier, when sent or expired). */
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** Rate limits (app/modules/http/rate-limit.server.ts), shared by every app process through the database. */
    RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    RATE_LIMIT_SIGNUP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
    RATE_LIMIT_PASSWORD_RESET_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(3),
    /**
     * Who must sign in with a second factor (accounts/two-factor.server.ts): "staff" (council and
     * secretariat: the default when NODE_ENV=production), "all" (city accounts too), "off" (the default
     * elsewhere; for a public demo or a test server whose staff accounts share a known password).
     */
    REQUIRE_MFA: z.enum(["off", "staff", "all"]).optional(),
    /** Minutes without a request after which a session ends, per role (the absolute lifetime is 14 days). */
    SESSION_IDLE_MINUTES_SECRETARIAT: z.coerce.number().int().min(1).max(43_200).default(30),
    SESSION_IDLE_MINUTES_COUNCIL: z.coerce.number().int().min(1).max(43_200).default(120),
    SESSION_IDLE_MINUTES_CITY: z.coerce.number().int().min(1).max(43_200).default(120),
    /** PostgreSQL cancels a statement that runs longer (ms; 0: never). */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
    /**
     * PostgreSQL connections per process. Each is a server process with caches of its own: beside
     * the app on 2 cores, 5 served 12 to 15 % more first views of HUB pages than 10 did, each warmer
     * and woken less often (decision 120, section 16). A query finding none free waits behind one.
     */
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
    /** Named prepared statements on PostgreSQL connections; "false" behind a pooler that cannot keep them. */
    DB_PREPARED_STATEMENTS: booleanFlag.default("true"),
    /** A request without an answer after this long gets the localised 503 page (ms; 0: never). */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(20_000),
    /** Pages rendered on a thread of their own beside the one that answers requests (server/render-worker.ts). */
    RENDER_THREAD: booleanFlag.default("true"),
    /** Worker processes (Node's cluster module); more than 1 needs DATABASE_URL. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    /** How long SIGTERM waits for requests in flight before closing their connections (ms). */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** pino's level for the JSON logs on stdout. */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Prometheus metrics: off unless METRICS_PORT (a separate listener) or METRICS_TOKEN (GET /metrics with a bearer token) is set. */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  })
  .transform((env, context) => {
    const demoMode = env.DEMO_MODE ?? env.NODE_ENV !== "production";
    const missing: [string, string][] = [];
    if (!env.SESSION_SECRET && !demoMode) missing.push(["SESSION_SECRET", "is required in production"]);
    if (!env.PUBLIC_URL && env.NODE_ENV === "production") {
      missing.push(["PUBLIC_URL", "is required when NODE_ENV=production (the address the public reaches, e.g. https://hubs.example.org)"]);
    }
    if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
      missing.push(["WEB_CONCURRENCY", "more than one process needs a PostgreSQL server (DATABASE_URL): the embedded database is opened by one process only"]);
    }
    for (const [variable, message] of missing) context.addIssue({ code: "custom", path: [variable], message });
    if (missing.length > 0) return z.NEVER;
    return {
      ...env,
      demoMode,
      REQUIRE_MFA: env.REQUIRE_MFA ?? (env.NODE_ENV === "production" ? "staff" : "off"),
      sessionSecretGenerated: !env.SESSION_SECRET,
      SESSION_SECRET: env.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    };
  });

export type Env = z.infer<typeof EnvSchema>;

/**
 * How much the server tells about its errors: stack traces (Express's error page, Remix's error
 * details) only when NODE_ENV=development is set explicitly; unset, test and production hide them.
 */
export function serverMode(env: Pick<Env, "NODE_ENV">): "development" | "production" {
  return env.NODE_ENV === "development" ? "development" : "production";
}

export class InvalidEnvironmentError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new InvalidEnvironmentError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;
/** The validated environment, parsed once per process. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
