import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createCookie, type EntryContext } from "@remix-run/node";
import { createInstance, type i18n as I18n, type Resource } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { typesetResource } from "./typography";
import { DEFAULT_LANGUAGE, LANGUAGE_COOKIE, SUPPORTED_LANGUAGES, i18nConfig, isLanguage, type Language } from "./config";

export const languageCookie = createCookie(LANGUAGE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** locales/{lang}/{namespace}.json, read once: adding a namespace is adding a file. */
function loadResources(): Resource {
  const root = path.resolve(process.cwd(), "locales");
  const resources: Resource = {};
  for (const language of SUPPORTED_LANGUAGES) {
    resources[language] = {};
    for (const file of readdirSync(path.join(root, language)).filter((name) => name.endsWith(".json"))) {
      resources[language][file.replace(/\.json$/, "")] = typesetResource(language, JSON.parse(readFileSync(path.join(root, language, file), "utf8")));
    }
  }
  return resources;
}

export const resources = loadResources();
export const namespaces = Object.keys(resources[DEFAULT_LANGUAGE]);

export const remixI18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
  i18next: { ...i18nConfig, resources },
});

/** The language a request is served in: its URL's first segment, else the cookie, Accept-Language, English. */
export async function languageOfRequest(request: Request): Promise<Language> {
  const firstSegment = new URL(request.url).pathname.split("/")[1];
  if (isLanguage(firstSegment)) return firstSegment;
  const detected = await remixI18next.getLocale(request);
  return isLanguage(detected) ? detected : DEFAULT_LANGUAGE;
}

export async function createI18nInstance(language: Language, ns: string[] = namespaces): Promise<I18n> {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng: language, ns, resources });
  return instance;
}

const renderInstances = new Map<string, Promise<I18n>>();
/**
 * The namespaces a render loads: what remix-i18next's `getRouteNamespaces` gives, which reads the
 * `handle` of every route module of the build (not only the matched ones), so the answer is the
 * build's. Kept per build (its assets manifest) instead of walking some 80 modules per page.
 */
export function routeNamespaces(context: EntryContext): string[] {
  let names = namespacesByBuild.get(context.manifest);
  if (!names) {
    names = remixI18next.getRouteNamespaces(context);
    namespacesByBuild.set(context.manifest, names);
  }
  return names;
}
const namespacesByBuild = new WeakMap<object, string[]>();

/**
 * The instance a page renders with, made once per language and namespace list (one per route match,
 * so a bounded few) instead of per request: the resources are read once and never change, and a
 * render only reads the instance.
 */
export function i18nForRender(language: Language, ns: string[]): Promise<I18n> {
  const key = `${language}:${ns.join(",")}`;
  let instance = renderInstances.get(key);
  if (!instance) {
    instance = createI18nInstance(language, ns).then(rememberLookups);
    renderInstances.set(key, instance);
  }
  return instance;
}

const fixedTranslators = new Map<Language, I18n>();
/** A translator for server-side strings (meta titles, validation errors, e-mails). */
export async function getTranslator(language: Language) {
  let instance = fixedTranslators.get(language);
  if (!instance) {
    instance = rememberLookups(await createI18nInstance(language));
    fixedTranslators.set(language, instance);
  }
  return instance.getFixedT(language);
}

/** The options a translator from `getFixedT` (react-i18next's `t`) adds to a lookup of a key alone. */
const PLAIN_OPTIONS = new Set(["lng", "lngs", "ns", "keyPrefix"]);
const MAX_REMEMBERED_LOOKUPS = 20_000;
/** Lookups with values: bounded apart, and emptied when full (a HUB's own values are seldom asked twice). */
const MAX_REMEMBERED_WITH_VALUES = 10_000;

/**
 * A page calls `t` a few hundred times, mostly with a key alone, and i18next resolves each one anew
 * (key parsing, namespace and language fallback, interpolation and nesting passes): about 8 % of a
 * HUB page's server time. The shared instances' resources never change, so the string a lookup
 * gives is remembered:
 * - a plain lookup (a key, its language and namespaces, nothing to interpolate);
 * - a lookup whose options are all strings, numbers, booleans or null (values to put in, a count,
 *   a context, a default value), under those values: i18next's answer is a function of them. The
 *   few such calls of a HUB page cost i18next tens of microseconds each, and most of their values
 *   (an SDG's number, a percentage, a date) recur from page to page.
 * Any other call (a list of keys, objects or dates as values, more arguments) goes to i18next as before.
 */
export function rememberLookups(instance: I18n): I18n {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const remembered = new Map<string, string>();
  const rememberedWithValues = new Map<string, string>();
  const t = (key: unknown, options?: Record<string, unknown>, ...rest: unknown[]) => {
    if (typeof key !== "string" || rest.length > 0) return translate(key, options, ...rest);
    if (isPlainLookup(options)) {
      const lookup = lookupPrefix(options?.lng, options?.ns) + key;
      const known = remembered.get(lookup);
      if (known !== undefined) return known;
      const value = translate(key, options);
      if (typeof value === "string" && remembered.size < MAX_REMEMBERED_LOOKUPS) remembered.set(lookup, value);
      return value;
    }
    if (!hasOnlyPrimitiveValues(options)) return translate(key, options);
    // JSON keeps a string "1" apart from the number 1, and the options' order is the call's own.
    const lookup = `${key}\u0000${JSON.stringify(options)}`;
    const known = rememberedWithValues.get(lookup);
    if (known !== undefined) return known;
    const value = translate(key, options);
    if (typeof value === "string") {
      if (rememberedWithValues.size >= MAX_REMEMBERED_WITH_VALUES) rememberedWithValues.clear();
      rememberedWithValues.set(lookup, value);
    }
    return value;
  };
  instance.t = t as unknown as I18n["t"];
  // react-i18next's `t` is getFixedT's: per call it copies the options, adds the fixed language and
  // namespaces, and only then reaches the lookup above (3 % of a HUB page's server time). A key
  // alone, already looked up, is answered from `remembered` under the same name; anything else
  // goes the whole way, as before.
  const getFixedT = instance.getFixedT.bind(instance);
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const fixed = getFixedT(lng as string, ns as string, keyPrefix as string) as unknown as ((...args: unknown[]) => unknown) & Record<string, unknown>;
    // A list of languages is left to i18next; no language (react-i18next's way) is the instance's, named "" above.
    if ((lng != null && typeof lng !== "string") || keyPrefix) return fixed;
    const prefix = lookupPrefix(lng, ns);
    const fast = function (this: unknown, key: unknown) {
      if (arguments.length === 1 && typeof key === "string") {
        const known = remembered.get(prefix + key);
        if (known !== undefined) return known;
      }
      return fixed.apply(this, arguments as unknown as unknown[]);
    };
    return Object.assign(fast, { lng: fixed.lng, lngs: fixed.lngs, ns: fixed.ns, keyPrefix: fixed.keyPrefix });
  }) as unknown as I18n["getFixedT"];
  return instance;
}

/** How `remembered` names a plain lookup, before its key: the language ("" for the instance's) and the namespaces. */
function lookupPrefix(lng: unknown, ns: unknown): string {
  return `${(lng as string | null | undefined) ?? ""}\u0000${Array.isArray(ns) ? ns.join(",") : ((ns as string | undefined) ?? "")}\u0000`;
}

/**
 * An options object (or a default value string) whose every value JSON writes as itself: strings,
 * finite numbers, booleans, null. Undefined only for the options getFixedT always sets (it adds
 * `keyPrefix: undefined` to every call): there it means what its absence means.
 */
function hasOnlyPrimitiveValues(options: unknown): boolean {
  if (typeof options === "string") return true;
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype) return false;
  for (const name in options) {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined ? !PLAIN_OPTIONS.has(name) : value !== null && typeof value !== "string" && typeof value !== "boolean" && !(typeof value === "number" && Number.isFinite(value))) return false;
  }
  return true;
}

function isPlainLookup(options: Record<string, unknown> | undefined): boolean {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null) return false;
  for (const name in options) {
    if (!PLAIN_OPTIONS.has(name)) return false;
    // A key prefix is part of the key getFixedT passes; languages as a list are left to i18next.
    if (name === "lngs" && options.lngs != null) return false;
    if (name === "lng" && options.lng != null && typeof options.lng !== "string") return false;
  }
  return true;
}
