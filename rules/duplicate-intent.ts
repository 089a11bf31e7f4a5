import { ACTION_FIELDS, type FieldSpec } from '../src/engine/action-fields.js';
import { located } from '../src/errors.js';
import type { IntentDeclaration } from '../src/results.js';
import type { RunReport, RunRule } from '../src/rule.js';

export const rule: RunRule = {
  id: 'axag/duplicate-intent',
  name: 'duplicate-intent',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'One intent is declared with one annotation across the files of a site.',
  docs: {
    what:
      'A check across files: after every file is linted, reports an action whose static intent an earlier action of the ' +
      'same site already declares with a different effective annotation (action type, entity, risk level, confirmation, ' +
      'approval and its roles, idempotency, scope, tenant boundary, async, required roles, side effects, required and ' +
      'optional parameter names as sets; not the description). "Earlier" is file path order, then position in the file; ' +
      'the finding is on each later declaration and names the first. Identical repeats, such as one button per product ' +
      'card, are fine, and so is a value that is dynamic on either side. A site is the files that use one manifest, or ' +
      'without a manifest the files under one config file (a monorepo package is its own site); in a single file, two ' +
      'elements count just the same.',
    why:
      'Manifest generators and agents key actions by intent: they keep the first declaration and drop the others, so an ' +
      'agent treats the second button (say, the one that requires confirmation) as the first. Give each action an ' +
      'intent of its own, or make the declarations agree.',
    failing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add</button>\n' +
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="true">Add</button>',
    passing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add</button>\n' +
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add</button>',
  },
  defaultOptions: {},
  checkRun({ sites }) {
    return sites.flatMap((site) => {
      const first = new Map<string, { path: string; displayPath: string; declaration: IntentDeclaration }>();
      const reports: RunReport[] = [];
      for (const file of site.files) {
        for (const declaration of file.intents) {
          const earlier = first.get(declaration.intent);
          if (!earlier) {
            first.set(declaration.intent, { path: file.path, displayPath: file.displayPath, declaration });
            continue;
          }
          const differences = differingFields(declaration, earlier.declaration);
          if (differences.length === 0) continue;
          const where = located(earlier.displayPath, earlier.declaration.range);
          const what = `with another annotation (${differences.join('; ')})`;
          const fix = 'generators keep the first declaration and drop this one, so make them agree or give this action an intent of its own';
          reports.push({
            path: file.path,
            message: `Intent "${declaration.intent}" is already declared at ${where} ${what}; ${fix}`,
            stableMessage: `Intent "${declaration.intent}" is already declared earlier ${what}; ${fix}`,
            subject: declaration.intent,
            range: declaration.range,
            element: declaration.element,
            related: [{ path: earlier.path, message: `The first declaration of "${declaration.intent}"`, range: earlier.declaration.range }],
          });
        }
      }
      return reports;
    });
  },
};

/** The fields two declarations state differently, as `risk level "high" here, "low" there`; unknown values never differ. */
function differingFields(here: IntentDeclaration, there: IntentDeclaration): string[] {
  return ACTION_FIELDS.flatMap((field) => {
    const ours = here.fields[field.attribute];
    const theirs = there.fields[field.attribute];
    if (ours === null || theirs === null || (ours ?? field.absentMeans) === (theirs ?? field.absentMeans)) return [];
    return [`${field.label} ${shown(ours, field)} here, ${shown(theirs, field)} there`];
  });
}

function shown(value: string | undefined, field: FieldSpec): string {
  if (value === undefined) return field.absentMeans === undefined ? 'not declared' : `not declared (so ${quoted(field.absentMeans)})`;
  return quoted(value);
}

function quoted(value: string): string {
  return value.startsWith('[') ? value : `"${value}"`;
}
