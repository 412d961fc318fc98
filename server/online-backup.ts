import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { backupDatabase } from "../db/backup";
import { pgliteBackupRequestPath, type DatabaseHandle } from "../db/index";
import type { Logger } from "./logger";

/**
 * On the embedded database the folder is this process's, so `npm run db:backup` asks it: the
 * command writes the target file's name beside the folder and sends SIGUSR2; this process writes
 * the backup (one transaction: consistent while it keeps serving) and then `FILE.done` with the
 * outcome. Only a process of the same user can send the signal and write the request.
 */
/**
 * `FILE.done` appears whole: written beside it, then renamed. The command polls for the file and
 * reads it at once; written in place, it was once read empty (a browser test, a slow machine).
 */
function writeOutcome(file: string, outcome: object) {
  writeFileSync(`${file}.done.tmp`, JSON.stringify(outcome));
  renameSync(`${file}.done.tmp`, `${file}.done`);
}

export function answerBackupRequests(database: DatabaseHandle, dataDir: string, log: Logger): () => void {
  const requestPath = pgliteBackupRequestPath(path.resolve(dataDir));
  let running = false;
  const onSignal = async () => {
    if (running || !existsSync(requestPath)) return;
    running = true;
    let file: string | undefined;
    try {
      file = (JSON.parse(readFileSync(requestPath, "utf8")) as { file?: unknown }).file as string | undefined;
      rmSync(requestPath, { force: true });
      if (typeof file !== "string" || !path.isAbsolute(file)) throw new Error("the backup request names no absolute file");
      log.info(`[db] backup requested: writing ${file}`);
      const summary = await backupDatabase(database.db, file, { engine: database.kind });
      writeOutcome(file, { ok: true, ...summary });
      log.info(`[db] backup written to ${file}: ${summary.tables} tables, ${summary.rows} rows`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error(`[db] backup failed: ${message}`);
      if (file) writeOutcome(file, { ok: false, error: message });
    } finally {
      running = false;
    }
  };
  const listener = () => void onSignal();
  process.on("SIGUSR2", listener);
  return () => process.off("SIGUSR2", listener);
}
