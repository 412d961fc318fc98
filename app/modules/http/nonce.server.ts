import { StringDecoder } from "node:string_decoder";
import { Transform } from "node:stream";

const PRELOAD = '<link rel="modulepreload"';

/**
 * Remix's `<Scripts nonce>` puts the nonce on its scripts but not on the `<link rel="modulepreload">`
 * tags it renders beside them. Under 'strict-dynamic' a parser-inserted preload without the nonce
 * is blocked (a CSP violation, and the module is fetched twice), so the HTML stream gets the nonce
 * added to each. The tail of every chunk that could be the start of a split tag waits for the next.
 */
export function nonceOnModulePreloads(nonce: string): Transform {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  const replaced = (text: string) => text.split(PRELOAD).join(`${PRELOAD} nonce="${nonce}"`);
  return new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      const text = pending + (typeof chunk === "string" ? chunk : decoder.write(chunk));
      // Keep back what could be the beginning of PRELOAD, cut by the chunk's end.
      let keep = 0;
      for (let length = Math.min(PRELOAD.length - 1, text.length); length > 0; length -= 1) {
        if (PRELOAD.startsWith(text.slice(text.length - length))) {
          keep = length;
          break;
        }
      }
      pending = text.slice(text.length - keep);
      callback(null, replaced(text.slice(0, text.length - keep)));
    },
    flush(callback) {
      callback(null, replaced(pending + decoder.end()));
    },
  });
}

/** The same for a whole document, as bytes: a page rendered at once is never decoded into a string for it. */
export function withNonceOnModulePreloads(html: Buffer, nonce: string): Buffer {
  const attribute = Buffer.from(` nonce="${nonce}"`);
  const parts: Buffer[] = [];
  let start = 0;
  for (let found = html.indexOf(PRELOAD); found >= 0; found = html.indexOf(PRELOAD, found + PRELOAD.length)) {
    parts.push(html.subarray(start, found + PRELOAD.length), attribute);
    start = found + PRELOAD.length;
  }
  if (parts.length === 0) return html;
  parts.push(html.subarray(start));
  return Buffer.concat(parts);
}
