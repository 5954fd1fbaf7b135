/**
 * What the command line refuses: shared by its commands, their reader and writer
 * (bin/read-document.mjs, bin/write-output.mjs) and the demo server's image cards, which answer a
 * refusal as a 400 in the same words.
 */

/** Why the command cannot do what was asked: one line on stderr, and `code` as the exit code. */
export class Refusal extends Error {
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}
