import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES, localeKeys } from "../support/locales";

const english = localeKeys("en");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(tsx?|jsx?)$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

function pluralBase(key: string) {
  return key.replace(/_(zero|one|two|few|many|other)$/, "");
}

describe("locales", () => {
  it.each(LANGUAGES.filter((language) => language !== "en"))("%s has exactly the English keys", (language) => {
    const keys = localeKeys(language);
    const missing = [...english.keys()].filter((key) => !keys.has(key));
    const extra = [...keys.keys()].filter((key) => !english.has(key) && !english.has(`${pluralBase(key)}_other`));
    expect(missing, `keys missing in locales/${language}`).toEqual([]);
    expect(extra, `keys only in locales/${language}`).toEqual([]);
  });

  it.each(LANGUAGES)("%s has no empty strings", (language) => {
    const empty = [...localeKeys(language)].filter(([, value]) => value.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("every literal key the app translates exists in English", () => {
    const root = path.resolve(__dirname, "../../app");
    const known = new Set([...english.keys()].map(pluralBase));
    const namespaces = new Set([...english.keys()].map((key) => key.split(":")[0]));
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/\bt\(\s*"([A-Za-z0-9_.:-]+)"/g)) {
        const key = match[1];
        const found = key.includes(":")
          ? known.has(key)
          : [...namespaces].some((namespace) => known.has(`${namespace}:${key}`));
        if (!found) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
