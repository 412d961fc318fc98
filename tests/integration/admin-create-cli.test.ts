import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/index";
import { verifyPassword } from "~/modules/accounts/password.server";
import { createTestDatabase, engine, type TestDatabase } from "../support/database";

const ROOT = path.resolve(__dirname, "../..");
const STRONG = "granite-meadow-whistle-31";

// PGlite: a temporary folder (the CLI opens it, then the test does); PostgreSQL: this file's own database.
let dataDir: string | undefined;
let database: TestDatabase | undefined;
beforeAll(async () => {
  if (engine === "postgres") database = await createTestDatabase();
  else dataDir = mkdtempSync(path.join(tmpdir(), "l4a-admin-create-"));
});
afterAll(async () => {
  await database?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function adminCreate(args: string[], options: { password?: string; stdin?: string } = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DEMO_MODE: "false", SESSION_SECRET: "x".repeat(40), PUBLIC_URL: "https://registry.example" };
    delete env.ADMIN_PASSWORD;
    delete env.DATABASE_URL;
    if (options.password !== undefined) env.ADMIN_PASSWORD = options.password;
    if (database?.url) env.DATABASE_URL = database.url;
    else env.PGLITE_DATA_DIR = path.join(dataDir!, "pglite");
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli/admin-create.ts", ...args], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.stdin.end(options.stdin ?? "");
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>): Promise<T> {
  if (database) return fn(database.db);
  const handle = await openDatabase({ pgliteDataDir: path.join(dataDir!, "pglite") });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

describe("npm run admin:create", { timeout: 120_000 }, () => {
  it("refuses a weak password and creates nothing", async () => {
    const result = await adminCreate(["--email", "root@uclg.example", "--name", "Root"], { password: "password1234" });
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain("password refused: This password is too common");
    const users = await withDatabase((db) => db.selectFrom("users").select("email").execute());
    expect(users).toEqual([]);
  });

  it("creates a secretariat account from ADMIN_PASSWORD, hashed with Argon2id", async () => {
    const result = await adminCreate(["--email", "Root@UCLG.example", "--name", "Root Admin"], { password: STRONG });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("secretariat account root@uclg.example created");
    const user = await withDatabase((db) =>
      db.selectFrom("users").select(["email", "role", "display_name", "password_hash", "organisation_id"]).executeTakeFirstOrThrow(),
    );
    expect(user).toMatchObject({ email: "root@uclg.example", role: "secretariat", display_name: "Root Admin", organisation_id: null });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.password_hash, STRONG)).toBe(true);
  });

  it("reads the password from standard input, and refuses an e-mail that already has an account", async () => {
    const duplicate = await adminCreate(["--email", "ROOT@uclg.example", "--name", "Again"], { stdin: `${STRONG}\n` });
    expect(duplicate.code, duplicate.output).toBe(1);
    expect(duplicate.output).toContain("an account with this e-mail already exists");
    const second = await adminCreate(["--email", "second@uclg.example", "--name", "Second"], { stdin: "another-granite-meadow-77\n" });
    expect(second.code, second.output).toBe(0);
    const emails = await withDatabase((db) => db.selectFrom("users").select("email").orderBy("email").execute());
    expect(emails.map((u) => u.email)).toEqual(["root@uclg.example", "second@uclg.example"]);
  });
});
