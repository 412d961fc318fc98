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
  const replaced = (text: string) => withNonceOnModulePreloads(text, nonce);
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

/** The same for a whole document (or a piece that cannot end inside a tag). */
export function withNonceOnModulePreloads(html: string, nonce: string): string {
  return html.split(PRELOAD).join(`${PRELOAD} nonce="${nonce}"`);
}
