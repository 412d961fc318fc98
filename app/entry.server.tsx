import { PassThrough, Writable } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, HandleDataRequestFunction, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import type { i18n as I18n } from "i18next";
import { isLanguage } from "~/modules/i18n/config";
import { i18nForRender, languageCookie, languageOfRequest, routeNamespaces } from "~/modules/i18n/i18next.server";
import { NonceProvider } from "~/modules/http/nonce";
import { responseWithWholeBody } from "~/modules/http/whole-body";
import { documentPartsOf, entryContextFromParts, renderableFromParts, type DocumentParts } from "~/modules/http/document-parts.server";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Made per request with the security headers (http/security-headers.server.ts); every script gets it.
  const nonce = loadContext.cspNonce ?? "";
  const language = await languageOfRequest(request);
  await rememberLanguage(request, responseHeaders);

  // A page whose loaders all answered goes to the render thread when there is one (server/
  // render-worker.ts): the same bytes, made off the thread that answers requests. It comes back
  // undefined when that render did not give a whole page (or the thread was gone): made here then.
  // It throws when the thread stopped answering on this page: Remix then renders the error page.
  if (loadContext.renderDocument && renderableFromParts(remixContext)) {
    const body = await loadContext.renderDocument(documentPartsOf(remixContext, { url: request.url, nonce, language }));
    if (body) {
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      return responseWithWholeBody(body, { headers: responseHeaders, status: responseStatusCode });
    }
  }

  const i18n = await i18nForRender(language, routeNamespaces(remixContext));
  const app = documentElement(remixContext, { url: request.url, nonce, i18n });

  // The usual case, no loader deferred anything: React's string renderer, the same HTML for 4 % less
  // of the main thread than the stream's (its chunks encoded and collected), alternated on HUB-page
  // misses. Anything else is rendered again and streamed, as every page was: a render that throws
  // (or suspends outside a boundary), and a boundary that suspended or failed, which comes out
  // client-rendered ("<!--$!", which escaped text never contains).
  if (!remixContext.staticHandlerContext.activeDeferreds) {
    const html = renderedAtOnce(app);
    if (html !== undefined) {
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      return responseWithWholeBody(documentBytes(html), { headers: responseHeaders, status: responseStatusCode });
    }
  }

  const readyEvent = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let allReady = false;
    let abortTimer: ReturnType<typeof setTimeout> | undefined;
    // Once everything is rendered there is nothing left to abort: a timer left running would keep
    // the whole render (its tree and loader data) in memory for ABORT_DELAY after the response.
    const renderDone = () => {
      allReady = true;
      clearTimeout(abortTimer);
    };
    const sendShell = () => {
      shellRendered = true;
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      if (allReady) {
        // Nothing left to wait for (the usual case: no boundary suspends on the server): the whole
        // document as one body. Streamed, React's few dozen small writes each went through three
        // streams on their way to the socket, a tenth of a page's cost.
        const chunks: Buffer[] = [];
        const document = new Writable({
          // React aborts its (finished) render when its destination closes, and ends it a second
          // time: an error object and its stack trace per page.
          emitClose: false,
          write(chunk: Buffer, _encoding, callback) {
            chunks.push(chunk);
            callback();
          },
          final(callback) {
            const html = Buffer.concat(chunks);
            resolve(responseWithWholeBody(html, { headers: responseHeaders, status: responseStatusCode }));
            callback();
          },
        });
        pipe(document);
        return;
      }
      const body = new PassThrough();
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      onShellReady() {
        // After this render pass: when nothing suspended, onAllReady comes in the same pass.
        if (readyEvent === "onShellReady") queueMicrotask(sendShell);
      },
      onAllReady() {
        renderDone();
        if (readyEvent === "onAllReady") sendShell();
      },
      onShellError(error: unknown) {
        renderDone();
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    if (!allReady) abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}

function documentElement(remixContext: EntryContext, { url, nonce, i18n }: { url: string; nonce: string; i18n: I18n }) {
  return (
    <NonceProvider nonce={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>
  );
}

/**
 * The render thread's work (server/render-thread.mjs): the page made from its parts with that
 * thread's copy of the build, as handleRequest would make it here, or undefined when it did not
 * render whole (the main thread then makes it, streamed if need be). `beforeRender` is called as
 * React starts, after the last await: the thread marks which page it is on (its watchdog reads it).
 */
export async function renderDocumentFromParts(build: ServerBuild, parts: DocumentParts, beforeRender?: () => void): Promise<Buffer | undefined> {
  const remixContext = entryContextFromParts(build, parts);
  const i18n = await i18nForRender(parts.language, routeNamespaces(remixContext));
  beforeRender?.();
  const html = renderedAtOnce(documentElement(remixContext, { url: parts.url, nonce: parts.nonce, i18n }));
  return html === undefined ? undefined : documentBytes(html);
}

/** The page as one string, or undefined when it did not render whole (see handleRequest). */
function renderedAtOnce(app: ReactElement): string | undefined {
  try {
    const html = renderToString(app);
    return html.includes("<!--$!") ? undefined : html;
  } catch {
    return undefined;
  }
}

// The stream writes the doctype before the root's <html>; the string renderer does not.
const DOCTYPE = "<!DOCTYPE html>";

/**
 * The doctype and the page, written into one buffer. `Buffer.from` of the two joined made V8 copy the
 * whole page into a new string first (a page with any non-Latin-1 character is two bytes a character:
 * a search page's 66 KB became a 132 KB string in the large-object space), then encode that copy.
 */
function documentBytes(html: string): Buffer {
  // Its own memory, never a slice of Node's shared pool: the render thread hands it over (transfers it).
  const bytes = Buffer.allocUnsafeSlow(DOCTYPE.length + Buffer.byteLength(html));
  bytes.write(DOCTYPE, 0, "latin1");
  bytes.write(html, DOCTYPE.length);
  return bytes;
}

export const handleDataRequest: HandleDataRequestFunction = async (response, { request }) => {
  await rememberLanguage(request, response.headers);
  return response;
};

export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  console.error(`[error] ${request.method} ${new URL(request.url).pathname}`, error);
}

/** A page visited in a language sets the language cookie, so `/` sends the visitor back to it. */
async function rememberLanguage(request: Request, headers: Headers) {
  const urlLanguage = new URL(request.url).pathname.split("/")[1];
  if (!isLanguage(urlLanguage)) return;
  const current = await languageCookie.parse(request.headers.get("Cookie"));
  if (current !== urlLanguage) headers.append("Set-Cookie", await languageCookie.serialize(urlLanguage));
}
