import { createHash, randomBytes } from "node:crypto";

/** SHA-256 of a token, hex: what the database keeps instead of the token itself. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A random URL-safe token (256 bits) and its hash. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}
