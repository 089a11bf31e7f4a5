/** `axag/rules` and `axag/ruleDocumentation`: what an editor shows of the checks (a rule picker, a rule's page). */
import { ALL_CHECKS } from '../engine/checks.js';
import { ruleDocsUrl, rulePage } from '../rule-docs.js';
import { lookUpCheck } from '../rule-lookup.js';

export const RULES = 'axag/rules';
export const RULE_DOCUMENTATION = 'axag/ruleDocumentation';

export interface RuleSummary {
  id: string;
  name?: string;
  description: string;
}

/** Every check, in the order of `axag rules`. */
export function ruleSummaries(): RuleSummary[] {
  return ALL_CHECKS.map(({ id, name, description }) => ({ id, name, description }));
}

/**
 * The page of the check a reference names (an id, a name, or the other AXAG linter's number, as `axag rules <id>`
 * reads it): the text of docs/rules/<id>.md and its address; null for a reference to no check.
 */
export function ruleDocumentation(ruleId: unknown): { markdown: string; url: string } | null {
  if (typeof ruleId !== 'string' || ruleId.trim() === '') return null;
  const { check } = lookUpCheck(ruleId.trim());
  return check ? { markdown: rulePage(check), url: ruleDocsUrl(check.id) } : null;
}
