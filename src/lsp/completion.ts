import type { CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MACRO_KEYS } from '../macro/read-macro.js';
import { ACTION_TYPES, KNOWN_ATTRIBUTES, RISK_LEVELS } from '../vocabulary.js';
import { allowedValues, attributeDoc } from './attribute-docs.js';
import { tagContext } from './tag-context.js';

const PROPERTY: CompletionItemKind = 10;
const VALUE: CompletionItemKind = 12;
const KEYWORD: CompletionItemKind = 14;
const SNIPPET: InsertTextFormat = 2;

export interface CompletionOptions {
  /** The client inserts snippets: an attribute name comes with `=""` and the cursor between the quotes. */
  snippets: boolean;
  /** The intents of the manifest that applies to the document. */
  intents(): Promise<string[]>;
}

/**
 * Completions at a position: attribute names inside a start tag (on any of its lines), values inside the quotes of
 * an attribute that takes a fixed set or a manifest intent, and the parts of an `axag` macro.
 */
export async function completions(document: TextDocument, offset: number, options: CompletionOptions): Promise<CompletionItem[]> {
  const context = tagContext(document.getText(), offset);
  if (!context) return [];
  const range = (from: number) => ({ start: document.positionAt(from), end: document.positionAt(offset) });
  const item = (label: string, from: number, kind: CompletionItemKind, detail?: string, newText = label): CompletionItem => ({
    label,
    kind,
    ...(detail && { detail }),
    textEdit: { range: range(from), newText },
  });

  if (context.kind === 'name') {
    return [...KNOWN_ATTRIBUTES]
      .filter((name) => !context.written.has(name) || name === context.prefix)
      .map((name) => ({
        ...item(name, context.from, PROPERTY, undefined, options.snippets ? `${name}="$1"` : name),
        ...(options.snippets && { insertTextFormat: SNIPPET }),
        documentation: { kind: 'markdown', value: attributeDoc(name) },
      }));
  }
  const attribute = context.attribute.toLowerCase();
  if (attribute === 'axag') return macroCompletions(context.value, context.valueStart, options, item);
  if (attribute === 'axag-intent') return (await options.intents()).map((intent) => item(intent, context.valueStart, VALUE, 'from the manifest'));
  return (allowedValues(attribute) ?? []).map((value) => item(value, context.valueStart, VALUE));
}

type Item = (label: string, from: number, kind: CompletionItemKind, detail?: string, newText?: string) => CompletionItem;

/** The part of `type:intent!risk?key=value&…` being typed: its action type, intent, risk level, a key or a key's value. */
async function macroCompletions(typed: string, valueStart: number, options: CompletionOptions, item: Item): Promise<CompletionItem[]> {
  const delimiter = Math.max(...[':', '!', '?', '&', '=', ','].map((mark) => typed.lastIndexOf(mark)));
  const from = valueStart + delimiter + 1;
  const mark = delimiter === -1 ? '' : typed.charAt(delimiter);
  switch (mark) {
    case '':
      return ACTION_TYPES.map((type) => item(type, from, KEYWORD, 'action type', `${type}:`));
    case ':':
      return (await options.intents()).map((intent) => item(intent, from, VALUE, 'intent from the manifest'));
    case '!':
      return RISK_LEVELS.map((risk) => item(risk, from, KEYWORD, 'risk level'));
    case '?':
    case '&':
      return Object.entries(MACRO_KEYS).map(([key, spec]) =>
        item(key, from, PROPERTY, `sets ${spec.attribute}`, spec.kind === 'boolean' ? key : `${key}=`),
      );
    case '=': {
      const key = typed.slice(Math.max(typed.lastIndexOf('?', delimiter), typed.lastIndexOf('&', delimiter)) + 1, delimiter);
      const spec = Object.hasOwn(MACRO_KEYS, key) ? MACRO_KEYS[key]! : undefined;
      const values = spec?.kind === 'boolean' ? ['true', 'false'] : spec?.kind === 'enum' ? spec.values : [];
      return values.map((value) => item(value, from, VALUE, spec && `${spec.attribute}`));
    }
    default:
      return [];
  }
}
