// Shared by the bidi and right-to-left tests, which measure where a card's words stand.

/**
 * `words` in the text under `root` (a shadow root's tree, or a light DOM's), at their first
 * occurrence after `after`: a piece of a sentence is looked for after the piece before it.
 */
export function rangeOf(root: Node, words: string, after?: Range): Range {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    if (after && range.compareBoundaryPoints(Range.END_TO_END, after) <= 0) continue;
    const from = after?.endContainer === node ? after.endOffset : 0;
    const at = (node as Text).data.indexOf(words, from);
    if (at >= 0) {
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      return range;
    }
  }
  throw new Error(`"${words}" is not in the card`);
}
