import { RULES } from '../../rules/index.js';
import type { ResolvedConfig } from '../config/settings.js';
import type { SourceDocument } from '../model.js';
import { compareFindings, type Finding } from '../results.js';
import type { ManifestIndex } from '../rule.js';
import { ACTION_TYPES } from '../vocabulary.js';
import { buildModel } from './element-model.js';

export interface DocumentOptions {
  config: Pick<ResolvedConfig, 'rules' | 'identity'>;
  manifest: ManifestIndex | undefined;
  /** `--quiet`: rules at warning severity do not run. */
  errorsOnly?: boolean;
}

/** Runs every enabled rule over one parsed document. Pure. */
export function lintDocument(document: SourceDocument, options: DocumentOptions): { findings: Finding[]; annotations: number } {
  const model = buildModel(document, options.config.identity);
  const findings: Finding[] = [];
  const actionTypes = (options.config.rules['AXAG-LINT-004']?.options.allowed as string[] | undefined) ?? ACTION_TYPES;
  for (const rule of RULES) {
    const setting = options.config.rules[rule.id];
    if (!setting || setting.severity === 'off' || (options.errorsOnly && setting.severity !== 'error')) continue;
    const severity = setting.severity;
    for (const report of rule.check({ model, manifest: options.manifest, options: setting.options, actionTypes })) {
      findings.push({
        ruleId: rule.id,
        severity,
        message: report.message,
        ...report.range,
        element: { name: report.element.tag, ...report.element.start },
        ...(report.suggestion !== undefined && { suggestion: report.suggestion }),
      });
    }
  }
  return { findings: findings.sort(compareFindings), annotations: model.elements.length };
}
