import type {LienError} from '../errors.js';
import {LienEvent} from './lien-event.js';

/** `lien-error`: loading or sending failed; `detail.error` says how, and the element shows it in words. */
export class LienErrorEvent extends LienEvent<'lien-error', {error: LienError}> {
  constructor(error: LienError) {
    super('lien-error', {error});
  }
}
