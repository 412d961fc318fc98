import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase } from "../../db/index";

const run = promisify(execFile);
const folder = mkdtempSync(path.join(tmpdir(), "l4a-lock-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the embedded database folder", () => {
  it("refuses a second opener with a clear message instead of sharing the folder", async () => {
    const dataDir = path.join(folder, "pglite");
    const first = await openDatabase({ pgliteDataDir: dataDir });
    try {
      await expect(openDatabase({ pgliteDataDir: dataDir })).rejects.toThrow(DatabaseLockedError);
      // Another process is refused too.
      const script = `import { openDatabase } from "./db/index.ts"; try { await openDatabase({ pgliteDataDir: ${JSON.stringify(dataDir)} }); console.log("opened"); } catch (e) { console.log(e.message); }`;
      const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: path.resolve(__dirname, "../..") });
      expect(stdout).toMatch(/already open in another process/);
    } finally {
      await first.close();
    }
    // Once closed, the folder can be opened again, with its data.
    const again = await openDatabase({ pgliteDataDir: dataDir });
    await again.close();
  });

  const root = path.resolve(__dirname, "../..");
  /** A separate process that opens the folder and keeps it open until killed. */
  async function holder(dataDir: string): Promise<ChildProcess> {
    const script = `import { openDatabase } from "./db/index.ts"; await openDatabase({ pgliteDataDir: ${JSON.stringify(dataDir)} }); console.log("opened"); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk) => String(chunk).includes("opened") && resolve());
      child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
    });
    return child;
  }
  const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)));

  it("opens at once after its owner was killed with SIGKILL (the lock of a dead process is stale)", async () => {
    const dataDir = path.join(folder, "killed");
    const child = await holder(dataDir);
    child.kill("SIGKILL");
    await exited(child);
    const again = await openDatabase({ pgliteDataDir: dataDir });
    await again.close();
  });

  it("never takes the folder from a live owner, even one paused, and the db tools say so in one line", async () => {
    const dataDir = path.join(folder, "paused");
    const child = await holder(dataDir);
    try {
      child.kill("SIGSTOP");
      await expect(openDatabase({ pgliteDataDir: dataDir })).rejects.toThrow(new RegExp(`already open in another process \\(pid ${child.pid}\\)`));
      const outcome = await run(process.execPath, ["--import", "tsx", "scripts/cli/migrate.ts"], {
        cwd: root,
        env: { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" },
      }).then(
        () => ({ stderr: "", code: 0 }),
        (error: { stderr: string; code: number }) => ({ stderr: error.stderr, code: error.code }),
      );
      expect(outcome.code).toBe(1);
      expect(outcome.stderr.trim()).toMatch(/^The embedded database at .* is already open in another process/);
      expect(outcome.stderr).not.toMatch(/\n\s+at /);
    } finally {
      child.kill("SIGCONT");
      child.kill("SIGKILL");
      await exited(child);
    }
  });

  it("tells its owner when the lock file was taken away, so the owner stops instead of sharing the folder", async () => {
    const dataDir = path.join(folder, "removed");
    let lost!: () => void;
    const noticed = new Promise<void>((resolve) => (lost = resolve));
    const handle = await openDatabase({ pgliteDataDir: dataDir, onLockLost: () => lost() });
    try {
      rmSync(path.join(folder, "removed.lock"));
      await noticed;
    } finally {
      await handle.close();
    }
  });
});
