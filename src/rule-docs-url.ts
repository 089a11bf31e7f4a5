/**
 * Where a check's documentation lives, for SARIF's `helpUri` and the language server's `codeDescription`: one
 * place, so that per-rule pages need one change here.
 */
export function ruleDocsUrl(_ruleId: string, informationUri: string): string {
  return `${informationUri}#rules`;
}
