const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Where and why a text is not JSON, or undefined when it is. Node's JSON.parse
 * does not always give a position (and its message quotes raw source lines), and
 * it lets a duplicate key silently replace the first, where YAML refuses it; so
 * a small scanner checks the text first.
 */
export function findJsonError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw { offset: i, message };
  };
  const unexpected = (): never =>
    i >= text.length ? fail('unexpected end of file') : fail(`unexpected ${JSON.stringify(text[i])}`);
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (char: string, what: string) => {
    space();
    if (text[i] !== char) fail(`expected ${what}, found ${i >= text.length ? 'the end of the file' : JSON.stringify(text[i])}`);
    i++;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail('control character in a string; escape it');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('invalid \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail('invalid escape in a string');
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      const keys = new Set<string>();
      for (;;) {
        space();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${text[i] === undefined ? 'the end of the file' : JSON.stringify(text[i])}`);
        const keyStart = i;
        string();
        const key = JSON.parse(text.slice(keyStart, i)) as string;
        if (keys.has(key)) {
          i = keyStart;
          fail(`duplicate key ${JSON.stringify(key)}`);
        }
        keys.add(key);
        expect(':', '":"');
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        return expect('}', '"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        return expect(']', '"," or "]"');
      }
    }
    if (c === '"') return string();
    // Sticky, so that a number of any length is read where it stands (JSON sets no limit on digits).
    LITERAL.lastIndex = i;
    const literal = LITERAL.exec(text);
    if (!literal) unexpected();
    if (!Number.isFinite(Number(literal![0])) && !/^[tfn]/.test(literal![0])) {
      fail(`the number ${literal![0].length > 20 ? `${literal![0].slice(0, 12)}… (${literal![0].length} characters)` : literal![0]} is too large to represent (beyond ±1.8e308)`);
    }
    i += literal![0].length;
  };
  try {
    value();
    space();
    if (i < text.length) fail(`unexpected ${JSON.stringify(text[i])} after the JSON value`);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error) return error as { offset: number; message: string };
    throw error;
  }
  return undefined;
}
