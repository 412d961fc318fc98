import { createContext, useContext, type ReactNode } from "react";

/**
 * The CSP nonce of this response (made per request by http/security-headers.server.ts and passed
 * through the load context). Server rendering only: browsers hide nonce attributes from scripts,
 * so in the browser it is "" and hydration leaves the server's attribute alone.
 */
const NonceContext = createContext("");

export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export function useNonce() {
  return useContext(NonceContext);
}
