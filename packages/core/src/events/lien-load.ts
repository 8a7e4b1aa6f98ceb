import {LienEvent} from './lien-event.js';

/** `lien-load`: an element's data arrived. Each element says what its `detail` holds (`{count}`, `{entry}`…). */
export class LienLoadEvent<Detail> extends LienEvent<'lien-load', Detail> {
  constructor(detail: Detail) {
    super('lien-load', detail);
  }
}
