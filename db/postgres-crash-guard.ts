/**
 * postgres.js 3.4.9 has an open bug (porsager/postgres #1066, #1208): when a backend dies
 * during a transaction, the library's own ROLLBACK is written to a socket it has already
 * nulled, from a setImmediate callback. The TypeError escapes every promise and would end
 * the process. The transaction itself still rejects with CONNECTION_CLOSED, which the
 * request turns into a 503, so this one error is safe to swallow. Anything else keeps
 * Node's default behaviour (log and exit).
 */
let installed = false;

export function isPostgresNullSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    typeof error.stack === "string" &&
    /\bnextWrite\b/.test(error.stack) &&
    /[\\/]postgres[\\/]/.test(error.stack)
  );
}

export function installPostgresCrashGuard(log: (message: string) => void = console.warn): void {
  if (installed) return;
  installed = true;
  process.on("uncaughtException", function postgresCrashGuard(error) {
    if (isPostgresNullSocketWrite(error)) {
      log(`[db] ignored postgres.js write on a closed connection (porsager/postgres#1208): ${error.message}`);
      return;
    }
    // Other listeners (a test runner, say) decide for themselves; alone, behave as Node would.
    if (process.listenerCount("uncaughtException") > 1) return;
    console.error(error);
    process.exit(1);
  });
}
