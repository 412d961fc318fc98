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
