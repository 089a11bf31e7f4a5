/** Runs `run` with the large-stack thread's stack set to `mb` megabytes. */
export async function withParserStack<T>(mb: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.AXAG_PARSER_STACK_MB;
  process.env.AXAG_PARSER_STACK_MB = mb;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.AXAG_PARSER_STACK_MB;
    else process.env.AXAG_PARSER_STACK_MB = before;
  }
}
