// Adds up vitest's "Tests  N passed | M failed" lines from each suite's log and prints the
// plain closing line CI reads: "N passed, M failed".
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const log = readFileSync(file, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
  const line = log.split("\n").reverse().find((text) => /^\s*Tests\s+/.test(text));
  if (!line) {
    console.log(`${file}: no test summary found`);
    failed += 1;
    continue;
  }
  const count = (word) => Number(line.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  console.log(`${file}: ${line.trim()}`);
  passed += count("passed");
  failed += count("failed");
  skipped += count("skipped");
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
