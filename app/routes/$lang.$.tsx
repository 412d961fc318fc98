/** Any unknown path inside a language: the localised 404 page. */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
