/**
 * The example values a coded error's fix suggests ("…, e.g. 24.",
 * `use e.g. "prod".`, `pass a list, e.g. ["a", "b"]`): literals only (a
 * number, a JSON string, a JSON list or object); prose after "e.g." (`e.g.
 * filter it`) suggests no value and is skipped.
 */
const MARKER = /\be\.g\. /g;
const NUMBER = /^-?\d+(?:\.\d+)?(?![\w.:/-]*\w)/;
const STRING = /^"(?:[^"\\]|\\.)*"/;

export function examplesIn(fix: string): unknown[] {
  const out: unknown[] = [];
  for (const m of fix.matchAll(MARKER)) {
    const rest = fix.slice(m.index + m[0].length);
    const literal = literalAt(rest);
    if (literal !== undefined) out.push(literal.value);
  }
  return out;
}

function literalAt(text: string): { value: unknown } | undefined {
  const number = NUMBER.exec(text);
  if (number !== null) return { value: Number(number[0]) };
  const string = STRING.exec(text);
  if (string !== null) return { value: JSON.parse(string[0]) as unknown };
  if (text.startsWith('[') || text.startsWith('{')) {
    // The shortest prefix that parses as JSON: `["a", "b"], even for one item` reads as ["a", "b"].
    const close = text.startsWith('[') ? ']' : '}';
    for (let end = text.indexOf(close); end !== -1; end = text.indexOf(close, end + 1)) {
      try {
        return { value: JSON.parse(text.slice(0, end + 1)) as unknown };
      } catch {
        // Not yet a whole literal (or not JSON at all): read on to the next closing bracket.
      }
    }
  }
  return undefined;
}
