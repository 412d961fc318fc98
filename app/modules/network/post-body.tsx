import type { ReactNode } from "react";
import { ExternalLink } from "~/ui/external-link";

const LINK = /https?:\/\/[^\s<>"']+/g;
const HUB_PATH = /^https?:\/\/[^\s/]+\/(?:en|es|fr)\/hubs\/([a-z0-9-]{1,200})\/?$/;

/**
 * A post as typed (plain text, paragraphs kept): http(s) links made clickable, links to a HUB of
 * this registry shown as a HUB card (title and city) when the HUB is public. Nothing else is markup.
 */
export function PostBody({ body, hubCards, language }: { body: string; hubCards: { slug: string; title: string; city: string }[]; language: string }) {
  const cards = new Map(hubCards.map((card) => [card.slug, card]));
  return (
    <div className="post-body">
      {body.split(/\n{2,}/).map((paragraph, index) => {
        const parts: ReactNode[] = [];
        let last = 0;
        for (const match of paragraph.matchAll(LINK)) {
          const url = match[0].replace(/[.,;:!?)]+$/, "");
          const start = match.index ?? 0;
          parts.push(paragraph.slice(last, start));
          const hub = HUB_PATH.exec(url);
          const card = hub ? cards.get(hub[1]) : undefined;
          parts.push(
            card ? (
              <a key={start} className="hub-card" href={`/${language}/hubs/${card.slug}`}>
                <strong>{card.title}</strong> <span>({card.city})</span>
              </a>
            ) : (
              <ExternalLink key={start} href={url} />
            ),
          );
          last = start + url.length;
        }
        parts.push(paragraph.slice(last));
        return (
          <p key={index} className="pre-line">
            {parts}
          </p>
        );
      })}
    </div>
  );
}
