import type { DB } from "../../../db/index";
import { deliverOutbox } from "./mailer.server";

let running: Promise<unknown> | null = null;

/**
 * Sends what the outbox holds, when SMTP_URL is set; call it after the transaction that queued
 * mail has committed. It does not hold up the response, never throws, and never runs twice at once.
 */
export function sendQueuedMail(db: DB, smtpUrl: string | undefined): void {
  if (!smtpUrl || running) return;
  running = deliverOutbox(db, smtpUrl)
    .catch((error) => console.error(`[mail] delivery failed: ${error instanceof Error ? error.message : error}`))
    .finally(() => {
      running = null;
    });
}

/** Resolves when the delivery pass under way (if any) has finished. */
export function deliveryFinished(): Promise<unknown> {
  return running ?? Promise.resolve();
}

/** A periodic pass (retries failures, picks up mail queued by other processes); returns a stop function. */
export function startOutboxDelivery(db: DB, smtpUrl: string | undefined, intervalMs = 60_000): () => void {
  if (!smtpUrl) return () => {};
  const timer = setInterval(() => sendQueuedMail(db, smtpUrl), intervalMs);
  timer.unref();
  sendQueuedMail(db, smtpUrl);
  return () => clearInterval(timer);
}
