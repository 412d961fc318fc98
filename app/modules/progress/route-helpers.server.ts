import { isLanguage, type Language } from "~/modules/i18n/config";

export function requireLanguage(lang: string | undefined): Language {
  if (!isLanguage(lang)) throw new Response("Not found", { status: 404 });
  return lang;
}

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0 || String(id) !== value) notFound();
  return id;
}
