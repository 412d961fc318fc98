import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const LOCALES_DIR = path.resolve(__dirname, "../../locales");
export const LANGUAGES = ["en", "es", "fr"] as const;

/** Every leaf key of every namespace of a language, as "namespace:dotted.key". */
export function localeKeys(language: string): Map<string, string> {
  const keys = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) walk(child, prefix ? `${prefix}.${key}` : key);
    } else {
      keys.set(prefix, String(value));
    }
  };
  for (const file of readdirSync(path.join(LOCALES_DIR, language)).filter((name) => name.endsWith(".json"))) {
    const namespace = file.replace(/\.json$/, "");
    walk(JSON.parse(readFileSync(path.join(LOCALES_DIR, language, file), "utf8")), `${namespace}:`);
  }
  // walk() joined "ns:" and the first key with a dot; normalise to "ns:key".
  return new Map([...keys].map(([key, value]) => [key.replace(/^([^:]+):\./, "$1:"), value]));
}
