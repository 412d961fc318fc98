/**
 * Bytes the app refuses at the edge (server/edge.ts), before any route sees them: a NUL byte
 * (PostgreSQL refuses it in text: "invalid byte sequence") and anything that is not valid UTF-8 or
 * valid percent-encoding. One place, so no route, loader or query needs its own guard.
 */

export type BytesProblem = "malformed" | "nul";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Percent-decodes one URL or form component strictly (a "+" is a space in queries and forms). */
function decodeComponent(component: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? component.replace(/\+/g, " ") : component);
  } catch {
    return null;
  }
}

function decodedProblem(parts: string[], plusIsSpace: boolean): BytesProblem | null {
  for (const part of parts) {
    const decoded = decodeComponent(part, plusIsSpace);
    if (decoded === null) return "malformed";
    if (decoded.includes("\u0000")) return "nul";
  }
  return null;
}

/**
 * The request target as Node received it (path and query, e.g. `req.originalUrl`). Raw bytes
 * outside printable ASCII are malformed too: clients percent-encode them.
 */
export function requestTargetProblem(target: string): BytesProblem | null {
  if (/[^\x21-\x7e]/.test(target)) return "malformed";
  const queryStart = target.indexOf("?");
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = queryStart === -1 ? "" : target.slice(queryStart + 1);
  return decodedProblem(path.split("/"), false) ?? decodedProblem(query.split(/[&=]/), true);
}

export const FORM_MEDIA_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;
export type FormMediaType = (typeof FORM_MEDIA_TYPES)[number];

/** The form encoding a Content-Type header names, or null for anything else. */
export function formMediaType(contentType: string | undefined): FormMediaType | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return (FORM_MEDIA_TYPES as readonly string[]).includes(type) ? (type as FormMediaType) : null;
}

/**
 * A form body's problem, if any. The registry takes no file uploads, so a multipart body is text
 * through and through: when uploads come, this check must move to the text parts only.
 */
export function formBodyProblem(type: FormMediaType, body: Uint8Array): BytesProblem | null {
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    return "malformed";
  }
  if (type === "multipart/form-data") return text.includes("\u0000") ? "nul" : null;
  return decodedProblem(text.split(/[&=]/), true);
}
