import pino from "pino";

/**
 * The process's structured log: one JSON object per line on stdout (pino), at LOG_LEVEL.
 * What is never logged: passwords, tokens, cookies, form bodies. Request lines carry only the
 * request id, method, route, path (without its query; none where the path holds a token),
 * status, duration and the signed-in user's id (server/request-log.ts); the redact list is a
 * second line for anything else that might pass a field of those names.
 */
export function createLogger(level: string = process.env.LOG_LEVEL || "info") {
  return pino({
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["password", "token", "cookie", "authorization", "body", "*.password", "*.token", "*.cookie", "*.authorization", "*.body", "headers.cookie", "headers.authorization"],
      censor: "[redacted]",
    },
  });
}

export type Logger = pino.Logger;

let shared: Logger | undefined;
/** The process's logger (created on first use, at LOG_LEVEL). */
export function logger(): Logger {
  shared ??= createLogger();
  return shared;
}

/** A `(message) => void` for the modules that take a log function (jobs, outbox, start-up). */
export function logLine(level: "info" | "warn" | "error" = "info") {
  return (message: string) => logger()[level](message);
}
