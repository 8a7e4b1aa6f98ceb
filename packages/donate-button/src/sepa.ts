/**
 * A SEPA credit transfer as a QR code any banking app reads (European Payments Council, EPC069-12 "Quick Response
 * Code: guidelines to enable data capture for the initiation of a SEPA credit transfer", version 002): no
 * intermediary, no fee, works offline. This module writes the payload and checks what goes in it.
 */

/** Letters to numbers (A=10 … Z=35), then the remainder mod 97 of the digits, piece by piece (ISO 7064). */
function mod97(text: string): number {
  const digits = text.toUpperCase().replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) remainder = Number(`${remainder}${digits.slice(i, i + 7)}`) % 97;
  return remainder;
}

/** An IBAN without spaces, upper case, or undefined when it is not one (shape, then the mod-97 check of ISO 13616). */
export function normalizeIban(value: string): string | undefined {
  const iban = value.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return undefined;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1 ? iban : undefined;
}

/** An IBAN as people read and copy it: groups of four ("FR76 3000 6000 …"). */
export function groupIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A structured creditor reference (ISO 11649, "RF" and check digits): it goes in its own line of the payload. */
export function isCreditorReference(value: string): boolean {
  const ref = value.replace(/\s/g, '').toUpperCase();
  return /^RF\d{2}[A-Z0-9]{1,21}$/.test(ref) && mod97(ref.slice(4) + ref.slice(0, 4)) === 1;
}

export interface TransferQr {
  beneficiary: string;
  iban: string;
  bic?: string;
  /** In euros, from 0.01 to 999,999,999.99; none lets the donor type it. */
  amount?: number;
  /** A creditor reference (RF…) or a text for the beneficiary (at most 140 characters). */
  reference?: string;
  /** A four-letter purpose code, e.g. CHAR (charity). */
  purpose?: string;
}

/** Why a transfer cannot be written as an EPC QR code; the element says it in words. */
export class TransferQrError extends Error {
  constructor(
    readonly field: keyof TransferQr,
    message: string
  ) {
    super(message);
    this.name = 'TransferQrError';
  }
}

const MAX_BYTES = 331;

/** The amount as the guidelines write it: "EUR" and at most two decimals, without trailing zeros ("EUR12.3"). */
function epcAmount(amount: number): string {
  if (!(amount >= 0.01 && amount <= 999_999_999.99)) throw new TransferQrError('amount', `The amount must be from 0.01 to 999999999.99 euros, not ${amount}`);
  return `EUR${(Math.round(amount * 100) / 100).toFixed(2).replace(/\.?0+$/, '')}`;
}

/**
 * The payload of the QR code: version 002, UTF-8 (character set 1), SEPA credit transfer, lines separated by LF,
 * trailing empty lines left out, at most 331 bytes. Throws a TransferQrError naming the field that does not fit.
 */
export function epcPayload(transfer: TransferQr): string {
  const iban = normalizeIban(transfer.iban);
  if (!iban) throw new TransferQrError('iban', 'This IBAN is not valid: check it against the bank details.');
  const beneficiary = transfer.beneficiary.trim();
  if (!beneficiary || beneficiary.length > 70) throw new TransferQrError('beneficiary', 'The beneficiary is a name of 1 to 70 characters.');
  const bic = (transfer.bic ?? '').replace(/\s/g, '').toUpperCase();
  if (bic && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) throw new TransferQrError('bic', 'This BIC is not valid (8 or 11 letters and digits).');
  const purpose = (transfer.purpose ?? '').trim().toUpperCase();
  if (purpose && !/^[A-Z]{4}$/.test(purpose)) throw new TransferQrError('purpose', 'A purpose code is four letters, e.g. CHAR.');
  const reference = (transfer.reference ?? '').trim();
  const structured = reference && isCreditorReference(reference) ? reference.replace(/\s/g, '').toUpperCase() : '';
  const text = structured ? '' : reference;
  if (text.length > 140) throw new TransferQrError('reference', 'The reference is at most 140 characters.');
  const lines = ['BCD', '002', '1', 'SCT', bic, beneficiary, iban, transfer.amount === undefined ? '' : epcAmount(transfer.amount), purpose, structured, text];
  while (lines[lines.length - 1] === '') lines.pop();
  const payload = lines.join('\n');
  if (new TextEncoder().encode(payload).length > MAX_BYTES) throw new TransferQrError('reference', `The transfer does not fit in a QR code (${MAX_BYTES} bytes at most): shorten the reference or the name.`);
  return payload;
}
