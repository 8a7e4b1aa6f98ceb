/**
 * The runtime of the CDN autoloader, `dist/cdn/lien.js`: one `<script type="module">` for site builders
 * where a single pasted snippet is all a person can add. It defines each Lien tag the first time the tag
 * appears in the page — in the HTML, added later by the site's scripts, or inside an open shadow root —
 * by importing only that element's CDN module.
 *
 * The build (scripts/build/rollup-autoloader.mjs) calls `autoload()` with the map from tag to module URL,
 * made from the packages that have a `src/define.ts`. This module imports nothing: lien.js must stay tiny,
 * and Lit and core come with the first element's own module.
 *
 * Reach: elements in the document and in the open shadow roots of the elements it sees added (a shadow
 * root is searched and then watched when its host is found). A shadow root attached to a host after that
 * host was added, and closed shadow roots, are not searched.
 */
export function autoload(modules: Record<string, string>, root: Document = document): void {
  /** Tags whose module has not been asked for yet. */
  const waiting = new Map(Object.entries(modules));
  const watch = (node: Node): void => observer.observe(node, {childList: true, subtree: true});

  const load = (tag: string): void => {
    const url = waiting.get(tag)!;
    waiting.delete(tag);
    if (!waiting.size) observer.disconnect();
    // Defined already (its own script came first, or another copy of Lien): nothing to fetch.
    if (customElements.get(tag)) return;
    import(url).catch((error: unknown) =>
      console.error(`Lien: <${tag}> could not be loaded from ${url} (${error}). Keep lien.js in the same folder as ${tag}.js.`)
    );
  };

  const visit = (element: Element): void => {
    if (waiting.has(element.localName)) load(element.localName);
    const shadow = element.shadowRoot;
    if (shadow && waiting.size) {
      watch(shadow);
      search(shadow);
    }
  };

  /** `node` and everything under it (including the open shadow roots found there). */
  const search = (node: Node): void => {
    if (node.nodeType === Node.ELEMENT_NODE) visit(node as Element);
    if ('querySelectorAll' in node) {
      for (const element of (node as ParentNode).querySelectorAll('*')) {
        if (!waiting.size) return;
        visit(element);
      }
    }
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (waiting.size) search(node);
  });

  if (!waiting.size) return;
  // Before the first search: a tag found there may be the last one, and then the observer is let go.
  watch(root);
  search(root);
}
