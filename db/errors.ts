/**
 * Errors that mean "the database is out of reach" rather than "this query is wrong".
 * Requests that meet one get a 503 page, not a 500.
 */
const CONNECTION_ERROR_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
]);

export function isDatabaseUnavailableError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") return false;
  // SQLSTATE class 08 (connection exception), 57P01-57P03 (admin shutdown, crash shutdown,
  // cannot connect now), 53300 (too many connections), 3D000 (the database is gone).
  return (
    CONNECTION_ERROR_CODES.has(code) ||
    code.startsWith("08") ||
    /^57P0[1-3]$/.test(code) ||
    code === "53300" ||
    code === "3D000"
  );
}

export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The database is unavailable", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * The 503 a request gets when the database is out of reach (thrown from a loader or action,
 * Remix renders the localised "unavailable" page). A new Response each time, without a body:
 * a Response is read once, so one shared by several requests would turn into 500s.
 */
export function serviceUnavailable(): Response {
  return new Response(null, { status: 503, statusText: "Service Unavailable", headers: { "Retry-After": "5" } });
}

/**
 * What a waiter on a shared read rethrows: its own copy of a Response (never the one the other
 * waiters got), else the error itself.
 */
export function ownCopy(error: unknown): unknown {
  if (!(error instanceof Response)) return error;
  return new Response(null, { status: error.status, statusText: error.statusText, headers: new Headers(error.headers) });
}

/**
 * Shares one read among the callers that ask while it runs, bounded by `timeoutMs`: when the
 * read fails or times out, only the callers already waiting see it (each with its own error:
 * `ownCopy`), and the next caller starts a new read.
 */
export function sharedRead<T>(read: () => Promise<T>, { timeoutMs, onTimeout }: { timeoutMs: number; onTimeout: () => unknown }) {
  let pending: Promise<T> | undefined;
  return (): Promise<T> => {
    if (!pending) {
      let timer: NodeJS.Timeout | undefined;
      const current: Promise<T> = Promise.race([
        read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(onTimeout()), timeoutMs);
          timer.unref?.();
        }),
      ]).finally(() => {
        clearTimeout(timer);
        if (pending === current) pending = undefined;
      });
      current.catch(() => {});
      pending = current;
    }
    return pending.catch((error: unknown) => {
      throw ownCopy(error);
    });
  };
}
