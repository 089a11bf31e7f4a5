/**
 * Where the cursor is in markup that may be half typed (so it does not parse): inside which start tag, and there
 * between attributes, in an attribute's name, or in a quoted value. Read from the text around the cursor.
 */
export type TagContext =
  /** Between attributes or in a name being typed: `prefix` starts at `from`. */
  | { kind: 'name'; from: number; prefix: string; written: ReadonlySet<string> }
  /** In the quoted value of `attribute`: `value` is what is typed before the cursor, from `valueStart`. */
  | { kind: 'value'; attribute: string; valueStart: number; value: string; written: ReadonlySet<string> };

/** How far back a start tag is looked for: a tag longer than this is not worth completing in. */
const LOOK_BACK = 20_000;
const TAG_START = /[A-Za-z_$]/;
const NAME_CHAR = /[^\s"'<>/={}]/;

export function tagContext(text: string, offset: number): TagContext | undefined {
  const floor = Math.max(0, offset - LOOK_BACK);
  for (let at = text.lastIndexOf('<', offset - 1); at >= floor; at = text.lastIndexOf('<', at - 1)) {
    if (!TAG_START.test(text.charAt(at + 1))) continue;
    const scanned = scanTag(text, at, offset);
    // `<` in a JSX expression (`a<b}`) is no tag: look further back. A tag closed before the cursor, or a place in
    // a tag where no attribute goes (its name, an expression, an unquoted value), ends the search.
    if (scanned === 'invalid') continue;
    return scanned === 'none' ? undefined : scanned;
  }
  return undefined;
}

/** Reads the start tag at `start` up to `offset`, as HTML, JSX, Vue and Svelte write attributes. */
function scanTag(text: string, start: number, offset: number): TagContext | 'none' | 'invalid' {
  let i = start + 1;
  while (i < offset && NAME_CHAR.test(text.charAt(i))) i++;
  if (i === offset) return 'none';
  const written = new Set<string>();
  let depth = 0;
  let lastName = '';
  let afterEquals = false;
  for (; i < offset; i++) {
    const c = text.charAt(i);
    if (depth > 0) {
      if (c === '"' || c === "'" || c === '`') i = skipString(text, i, offset) ?? offset;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end === -1 || end >= offset) {
        if (!afterEquals) return 'invalid';
        return { kind: 'value', attribute: lastName, valueStart: i + 1, value: text.slice(i + 1, offset), written };
      }
      i = end;
      afterEquals = false;
    } else if (c === '{') {
      depth++;
      afterEquals = false;
    } else if (c === '}') {
      return 'invalid';
    } else if (c === '>') {
      return 'none';
    } else if (c === '<') {
      return 'invalid';
    } else if (c === '=') {
      afterEquals = true;
    } else if (NAME_CHAR.test(c)) {
      let end = i;
      while (end < offset && NAME_CHAR.test(text.charAt(end))) end++;
      const name = text.slice(i, end);
      if (end === offset) return afterEquals ? 'none' : { kind: 'name', from: i, prefix: name, written };
      if (!afterEquals) {
        lastName = name;
        written.add(name);
      }
      afterEquals = false;
      i = end - 1;
    }
  }
  if (depth > 0 || afterEquals) return 'none';
  return { kind: 'name', from: offset, prefix: '', written };
}

/** The index of the closing quote of the string at `i` (none before `limit`: undefined). */
function skipString(text: string, i: number, limit: number): number | undefined {
  const quote = text.charAt(i);
  for (let j = i + 1; j < limit; j++) {
    const c = text.charAt(j);
    if (c === '\\') j++;
    else if (c === quote) return j;
  }
  return undefined;
}
