/** Splits text into words as the server does: runs of letters and digits, compared in lower case. */
const WORD = /[\p{L}\p{N}]+/gu;

/** The searched words, lower case, each once. */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().match(WORD) ?? [])];
}

/** A recorded line with every searched word marked, as the server matched it (whole words, any case). */
export function Highlighted({ line, words }: { line: string; words: readonly string[] }) {
  const wanted = new Set(words);
  const parts: { text: string; marked: boolean }[] = [];
  let last = 0;
  for (const match of line.matchAll(WORD)) {
    const start = match.index;
    if (!wanted.has(match[0].toLowerCase())) continue;
    if (start > last) parts.push({ text: line.slice(last, start), marked: false });
    parts.push({ text: match[0], marked: true });
    last = start + match[0].length;
  }
  if (last < line.length) parts.push({ text: line.slice(last), marked: false });
  return (
    <span className="search-line mono">
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
