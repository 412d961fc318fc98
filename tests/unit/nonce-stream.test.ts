import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { nonceOnModulePreloads, withNonceOnModulePreloads } from "~/modules/http/nonce.server";

async function through(chunks: (string | Buffer)[], nonce: string) {
  let out = "";
  for await (const piece of Readable.from(chunks).pipe(nonceOnModulePreloads(nonce))) out += piece.toString();
  return out;
}

describe("the nonce on Remix's module preloads", () => {
  const html = '<p>é</p><link rel="modulepreload" href="/build/a.js"/><link rel="modulepreload" href="/build/b.js"/><script nonce="n" type="module">import "/build/a.js"</script>';
  const expected = html.replaceAll('<link rel="modulepreload"', '<link rel="modulepreload" nonce="n0nce"');

  it("is added to every preload tag", async () => {
    expect(await through([html], "n0nce")).toBe(expected);
  });

  it("is added when a tag or a character is split across chunks, at every cut", async () => {
    const bytes = Buffer.from(html);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(await through([bytes.subarray(0, cut), bytes.subarray(cut)], "n0nce")).toBe(expected);
    }
  });

  it("is added the same way to a whole document (a page rendered at once, as bytes)", () => {
    expect(withNonceOnModulePreloads(Buffer.from(html), "n0nce").toString()).toBe(expected);
    expect(withNonceOnModulePreloads(Buffer.from(`${html}<link rel="modulepreload"`), "n0nce").toString()).toBe(`${expected}<link rel="modulepreload" nonce="n0nce"`);
    const none = Buffer.from("<p>no preload</p>");
    expect(withNonceOnModulePreloads(none, "n0nce")).toBe(none);
  });
});
