import { randomBytes } from "node:crypto";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
    PUBLIC_URL: z.string().url().optional(),
    /** Days the outbox keeps a message (its link token goes earlier, when sent or expired). */
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** Rate limits (app/modules/http/rate-limit.server.ts), shared by every app process through the database. */
    RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    RATE_LIMIT_SIGNUP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
    RATE_LIMIT_PASSWORD_RESET_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(3),
  })
  .transform((env, context) => {
    const demoMode = env.DEMO_MODE ?? env.NODE_ENV !== "production";
    if (!env.SESSION_SECRET && !demoMode) {
      context.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
      return z.NEVER;
    }
    return {
      ...env,
      demoMode,
      sessionSecretGenerated: !env.SESSION_SECRET,
      SESSION_SECRET: env.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    };
  });

export type Env = z.infer<typeof EnvSchema>;

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
