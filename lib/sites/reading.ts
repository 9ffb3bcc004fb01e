// One reading of a page: the reader, its parts and the taught rules (lib/page-rules) ask the same questions
// of the same root (its blocks, whether a person reads an element), and a large page answered twice costs
// twice. A reading is synchronous, so the page does not change within it.

let answers: Map<object, WeakMap<Element, unknown>> | null = null;

/** Runs `read` as one reading: what is asked of a root through `onceInReading` is worked out once. */
export function readingOnce<T>(read: () => T): T {
  const outer = answers;
  answers ??= new Map();
  try {
    return read();
  } finally {
    answers = outer;
  }
}

/** `work(root)` once per reading for each `question` (a function standing for what is asked); outside a reading, every time. */
export function onceInReading<V>(question: object, root: Element, work: (root: Element) => V): V {
  if (!answers) return work(root);
  let byRoot = answers.get(question) as WeakMap<Element, V> | undefined;
  if (!byRoot) {
    byRoot = new WeakMap();
    answers.set(question, byRoot);
  }
  let found = byRoot.get(root);
  if (found === undefined) {
    found = work(root);
    byRoot.set(root, found);
  }
  return found;
}
