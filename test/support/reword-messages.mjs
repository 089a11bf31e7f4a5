// Preloaded with `node --import` by the baseline tests: every rule of the BUILT axag words its messages
// differently, as a new version of axag may (AXAG_REWORD=1). Findings, places and elements stay the same.
import { bundledExport } from './bundled-export.mjs';

const RULES_BY_ID = await bundledExport('rules/index.js', 'RULES_BY_ID');

const reword = (message) => `Reworded: ${message.replace(/; /g, ' — ')}`;

if (process.env.AXAG_REWORD) {
  for (const rule of RULES_BY_ID.values()) {
    if (rule.check) {
      const check = rule.check;
      rule.check = (context) => check(context).map((report) => ({ ...report, message: reword(report.message) }));
    }
    if (rule.checkRun) {
      const checkRun = rule.checkRun;
      rule.checkRun = (context) =>
        checkRun(context).map((report) => ({ ...report, message: reword(report.message), stableMessage: reword(report.stableMessage) }));
    }
  }
}
