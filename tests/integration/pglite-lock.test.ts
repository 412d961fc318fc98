import { execFile } from "node:child_process";
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
});
