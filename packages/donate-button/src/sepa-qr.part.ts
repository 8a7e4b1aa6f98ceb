import {correction, generate, mode} from 'lean-qr';
import {toSvgPath} from 'lean-qr/extras/svg';

/**
 * The QR code of an EPC069-12 payload, as an SVG path (fetched only for `provider="sepa"`: it holds the QR encoder).
 * The payload's UTF-8 bytes go in byte mode without an ECI header, as banking apps read them, at error correction
 * level M, which the guidelines ask for.
 */
export function transferQrPath(payload: string): {size: number; path: string} {
  const code = generate(mode.bytes(new TextEncoder().encode(payload)), {minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M});
  return {size: code.size, path: toSvgPath(code)};
}
