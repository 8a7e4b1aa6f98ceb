/**
 * Every Lien event: a CustomEvent that bubbles and crosses shadow roots, so that a page listens on the element or
 * anywhere above it. An element lists the events it fires in its own event map (see `LienElement`), which types
 * `addEventListener` on that element only: two elements can each fire `lien-load` with their own `detail`.
 */
export class LienEvent<Type extends string = string, Detail = unknown> extends CustomEvent<Detail> {
  declare readonly type: Type;

  constructor(type: Type, detail: Detail, options: {cancelable?: boolean} = {}) {
    super(type, {detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false});
  }
}
