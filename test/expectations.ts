import type { Finding } from '../src/index.js';

/** An expected finding, stated in a fixture comment. */
export interface Expectation {
  ruleId: string;
  line: number;
  column?: number;
}

const EXPECT =
  /\bexpect:?\s+((?:(?:AXAG-[A-Z]+-\d+|axag\/[a-z-]+)[\s,]*)+)(?:@([+-]?)(\d+)(?::(\d+))?)?/g;

/**
 * Reads the expectations a fixture states in its comments:
 * `expect <rule-id>… [@+N | @-N | @N][:column]` — `@+1` is the next line, `@5` line 5,
 * no `@` the comment's own line; several ids mean one finding each.
 */
export function readExpectations(text: string): Expectation[] {
  const expectations: Expectation[] = [];
  text.split(/\r\n|\r|\n/).forEach((content, index) => {
    const commentLine = index + 1;
    for (const match of content.matchAll(EXPECT)) {
      const [, ids, sign, amount, column] = match;
      const offset = amount === undefined ? 0 : Number(amount);
      const line = sign === '+' ? commentLine + offset : sign === '-' ? commentLine - offset : amount === undefined ? commentLine : offset;
      for (const ruleId of ids!.split(/[\s,]+/).filter(Boolean)) {
        expectations.push({ ruleId, line, ...(column !== undefined && { column: Number(column) }) });
      }
    }
  });
  return sortExpectations(expectations);
}

/** The findings in the shape of expectations: columns only where the expectation names one. */
export function asExpectations(findings: readonly Finding[], expected: readonly Expectation[]): Expectation[] {
  const withColumn = new Set(expected.filter((e) => e.column !== undefined).map((e) => `${e.ruleId}@${e.line}`));
  return sortExpectations(
    findings.map((f) => ({
      ruleId: f.ruleId,
      line: f.line,
      ...(withColumn.has(`${f.ruleId}@${f.line}`) && { column: f.column }),
    })),
  );
}

function sortExpectations(list: Expectation[]): Expectation[] {
  return list.sort((a, b) => a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.column ?? 0) - (b.column ?? 0));
}
