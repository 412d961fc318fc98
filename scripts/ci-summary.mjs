// Adds up vitest's "Tests  N passed | M failed" lines from each suite's log and prints the
// plain closing line CI reads: "N passed, M failed". CI keeps only the end of its output, so a
// suite whose tests all passed but which failed anyway (vitest's "Errors  N errors": an unhandled
// rejection or an error thrown after a test) has that section repeated here, where it is seen.
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
let errors = 0;
for (const file of process.argv.slice(2)) {
  const log = readFileSync(file, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
  const lines = log.split("\n");
  const line = [...lines].reverse().find((text) => /^\s*Tests\s+/.test(text));
  if (!line) {
    console.log(`${file}: no test summary found`);
    failed += 1;
    continue;
  }
  const count = (text, word) => Number(text.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  console.log(`${file}: ${line.trim()}`);
  passed += count(line, "passed");
  failed += count(line, "failed");
  skipped += count(line, "skipped");
  const errorLine = [...lines].reverse().find((text) => /^\s*Errors\s+\d+ errors?/.test(text));
  if (errorLine) {
    errors += count(errorLine, "errors?");
    console.log(`${file}: ${errorLine.trim()}`);
    const start = lines.findIndex((text) => /Unhandled (Errors?|Rejection)/.test(text));
    if (start >= 0) console.log(lines.slice(start, start + 40).join("\n"));
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped${errors ? `, ${errors} errors outside a test` : ""}`);
process.exit(failed > 0 || errors > 0 ? 1 : 0);
