/**
 * `@lien/donate-button`: the rules a donation needs, ahead of the element itself — the French tax reduction and the
 * SEPA transfer QR code's payload with its IBAN checks.
 */
export {COLUCHE_CEILINGS, colucheCeiling, taxReduction, type TaxRate} from './tax.js';
export {epcPayload, groupIban, isCreditorReference, normalizeIban, TransferQrError, type TransferQr} from './sepa.js';
