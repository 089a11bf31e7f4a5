import { elementDigest } from '../fingerprint.js';
import type { ParameterItems } from '../parameter-list.js';
import type { IntentDeclaration } from '../results.js';
import { ACTION_FIELDS, readField } from './action-fields.js';
import type { AnnotationModel } from './element-model.js';

/** The intent index of a document: each action with a static, non-empty intent and its effective annotation, read canonically. */
export function intentIndex(model: AnnotationModel, parameterItems: ParameterItems): IntentDeclaration[] {
  return model.actions.flatMap((action): IntentDeclaration[] => {
    const attribute = action.effective.get('axag-intent')?.attribute;
    const intent = attribute?.value?.trim();
    if (!attribute || !intent) return [];
    const fields: Record<string, string | null> = {};
    for (const field of ACTION_FIELDS) {
      // What an open element does not declare may arrive at run time: unknown, not its default.
      if (action.open && !action.effective.has(field.attribute)) {
        fields[field.attribute] = null;
        continue;
      }
      const reading = readField(action, field, parameterItems);
      // A default is left out like any undeclared field: messages then say it was not declared.
      if (reading.kind === 'unknown') fields[field.attribute] = null;
      else if (reading.kind === 'value' && reading.from) fields[field.attribute] = reading.value;
    }
    const { element } = action;
    return [
      {
        intent,
        range: attribute.valueRange,
        element: { name: element.tag, ...element.start, digest: elementDigest(element) },
        fields,
      },
    ];
  });
}
