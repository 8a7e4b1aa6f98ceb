import {correction, generate, mode} from 'lean-qr';
import {toSvgPath} from 'lean-qr/extras/svg';
import {epcPayload, groupIban, normalizeIban, type TransferQr} from './sepa.js';

export {TransferQrError} from './sepa.js';

/** A bank transfer ready to show: the IBAN checked and in groups, and its QR code as an SVG path. */
export interface PreparedTransfer {
  iban: string;
  groupedIban: string;
  qr: {size: number; path: string};
}

/**
 * The transfer's EPC069-12 payload and its QR code, fetched only for `provider="sepa"` (it holds the IBAN checks and
 * the QR encoder). The payload's UTF-8 bytes go in byte mode without an ECI header, as banking apps read them, at
 * error correction level M, which the guidelines ask for. A wrong setting throws a `TransferQrError` naming it.
 */
export function prepareTransfer(transfer: TransferQr): PreparedTransfer {
  const payload = epcPayload(transfer);
  const code = generate(mode.bytes(new TextEncoder().encode(payload)), {minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M});
  const iban = normalizeIban(transfer.iban)!;
  return {iban, groupedIban: groupIban(iban), qr: {size: code.size, path: toSvgPath(code)}};
}
