/**
 * `text` as a string of its own. A substring of a file's text (an attribute value a parser sliced from it) keeps
 * the whole text alive as long as it lives: what a result keeps past its file must not, or a run would hold every
 * file it read.
 */
export function detached(text: string): string {
  // Slicing a concatenation flattens it into a new string first, so the slice holds only `text` and a space.
  return ` ${text}`.slice(1);
}
