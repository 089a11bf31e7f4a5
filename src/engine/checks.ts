import { RULES } from '../../rules/index.js';
import type { RuleDocs, SeverityLevel } from '../rule.js';
import { DEFAULT_MANIFEST_SCHEMA } from '../manifest/schema.js';
import { MANIFEST_SCHEMA_RULE } from './lint.js';
import { DIRECTIVE_RULE } from './directives.js';
import { INTERNAL_ERROR_RULE, PARSE_ERROR_RULE } from './lint-document.js';

/** What reports and rule listings say about a check: a rule, or a namespaced check of this tool (spec §2). */
export interface CheckInfo {
  id: string;
  name: string;
  /** The default severity (the recommended preset's); `off` for a check that runs only when a config turns it on. */
  severity: SeverityLevel;
  /** The severity in the strict preset. */
  strictSeverity: SeverityLevel;
  description: string;
  docs: RuleDocs;
}

/** Findings that are not rules: always on, at the same severity in both presets, with no options. */
export const NAMESPACED_CHECKS: readonly CheckInfo[] = [
  {
    id: PARSE_ERROR_RULE,
    name: 'parse-error',
    severity: 'error',
    strictSeverity: 'error',
    description: 'A source file, or a Markdown code block, parses.',
    docs: {
      what:
        'Reports a file (or a fenced code block of a Markdown file) that its parser rejects: Babel for JavaScript and ' +
        "TypeScript, Vue's and Svelte's own parsers, CommonMark. The finding is at the parser's position with the " +
        "parser's message. A file nested deeper than its parser can follow is reported the same way.",
      why: 'The annotations in a file that does not parse are not checked at all; a silent skip would look like a clean file.',
      failing: 'export const Add = () => <button axag-intent="cart.add_item">Add</button;',
      passing: 'export const Add = () => <button axag-intent="cart.add_item">Add</button>;',
      language: 'jsx',
    },
  },
  {
    id: DIRECTIVE_RULE,
    name: 'directive',
    severity: 'warning',
    strictSeverity: 'warning',
    description: 'Inline axag-disable directives name known rules, and (when asked) silence something.',
    docs: {
      what:
        'Reports an inline directive that names a rule id axag does not have, or a misspelt directive word; with ' +
        '--report-unused-disable-directives, also a directive that silenced no finding (at warning severity, or as ' +
        'set by --report-unused-disable-directives-severity).',
      why: 'A directive that silences nothing, or the wrong thing, hides the next real problem and misleads readers.',
      failing: '<!-- axag-disable-next AXAG-LINT-070 -->\n<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>',
      passing: '<!-- axag-disable-next AXAG-LINT-007 -- idempotency is decided server-side -->\n<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>',
    },
  },
  {
    id: MANIFEST_SCHEMA_RULE,
    name: 'manifest-schema',
    severity: 'error',
    strictSeverity: 'error',
    description: `The Semantic Manifest follows the manifest ${DEFAULT_MANIFEST_SCHEMA} schema (v1 with manifestSchema: "v1").`,
    docs: {
      what:
        `Reports each place where the Semantic Manifest in use breaks the AXAG manifest ${DEFAULT_MANIFEST_SCHEMA} schema, or the ` +
        'manifest v1 schema when the config sets manifestSchema: "v1": a missing required key, an unknown key, a value ' +
        'of the wrong type or format. The finding is on the manifest file, at the key.',
      why: 'Agents and tool generators read the manifest as the site\'s API description; an invalid one is misread or rejected.',
      failing: 'actions:\n  - intent: Cart.Add\n    entity: cart',
      passing: 'actions:\n  - intent: cart.add_item\n    entity: cart\n    action_type: write\n    description: Add a product to the cart.',
      language: 'yaml',
    },
  },
  {
    id: INTERNAL_ERROR_RULE,
    name: 'internal-error',
    severity: 'error',
    strictSeverity: 'error',
    description: 'A check or parser of axag failed on a file: a bug in axag, to report.',
    docs: {
      what:
        'Reports a file on which a check or a parser of axag threw an error instead of finishing. The finding is at ' +
        'the start of the file and names the part that failed; the other checks of the file and the other files are ' +
        'still linted, and the run exits 2. axag --debug prints the stack trace.',
      why: 'A check that failed found nothing, and a silent gap would look like a clean file; the bug must be seen to be fixed.',
      failing: 'Any file on which a check of axag throws: a bug in axag, not in the file.',
      passing: 'The same file once the bug is fixed.',
      language: 'text',
    },
  },
];

/** Every check a run can report, rules first in id order: the order of SARIF's `tool.driver.rules` and of `axag rules`. */
export const ALL_CHECKS: readonly CheckInfo[] = [...RULES, ...NAMESPACED_CHECKS];
