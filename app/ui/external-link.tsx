import type { ReactNode } from "react";

/**
 * The one rule for a link that someone typed (a HUB's website, a document, a report's evidence):
 * http or https only, at most URL_MAX_LENGTH characters. Forms check it (`httpUrl` in
 * modules/forms/values.ts), the database checks it (migration 070), and ExternalLink checks it
 * again when rendering, so a `javascript:`, `data:` or `vbscript:` value never becomes an href.
 */
export const URL_MAX_LENGTH = 2048;

export function isHttpUrl(value: string): boolean {
  if (value.length > URL_MAX_LENGTH || !/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A link to another site: an `<a>` for an http(s) address, the plain text otherwise. */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  const label = children ?? href;
  if (!isHttpUrl(href.trim())) return <span>{label}</span>;
  return (
    <a href={href.trim()} rel="noopener noreferrer nofollow ugc">
      {label}
    </a>
  );
}
