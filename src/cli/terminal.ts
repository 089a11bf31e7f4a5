import { DEFAULT_WIDTH } from '../text/columns.js';
import type { Output } from './io.js';

/**
 * The width output is laid out for: a terminal's own columns; else `COLUMNS` (set by the user, or by a shell
 * that exports it); else 80, for pipes, files and CI logs.
 */
export function outputWidth(stream: Pick<Output, 'isTTY' | 'columns'>, env: NodeJS.ProcessEnv): number {
  if (stream.isTTY && stream.columns !== undefined && stream.columns > 0) return stream.columns;
  const fromEnv = /^\s*(\d+)\s*$/.exec(env.COLUMNS ?? '');
  if (fromEnv && Number(fromEnv[1]) > 0) return Number(fromEnv[1]);
  return DEFAULT_WIDTH;
}

/**
 * CI services whose logs show ANSI colours although their output is a pipe (chalk's supports-color gives up on
 * a pipe before it looks for them): GitHub Actions, GitLab CI, Azure Pipelines, Buildkite, CircleCI.
 */
function isColourCi(env: NodeJS.ProcessEnv): boolean {
  return (
    env.GITHUB_ACTIONS === 'true' ||
    env.GITLAB_CI !== undefined ||
    (env.TF_BUILD !== undefined && env.AGENT_NAME !== undefined) ||
    env.BUILDKITE === 'true' ||
    env.CIRCLECI === 'true'
  );
}

/**
 * Colour when asked (`--color`, `--no-color`), never with NO_COLOR, as FORCE_COLOR says when set; else on a
 * terminal that is not `TERM=dumb`, and in the logs of CI services that show colours.
 */
export function useColor(flag: boolean | undefined, toTerminal: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (toTerminal) return env.TERM !== 'dumb';
  return isColourCi(env);
}
