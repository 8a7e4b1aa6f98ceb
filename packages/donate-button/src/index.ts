export {DonateButton, type DonateButtonEvents, type DonateDetail} from './donate-button.js';
/**
 * `@lien/donate-button`: the rules a donation needs, ahead of the element itself — the French tax reduction and the
 * SEPA transfer QR code's payload with its IBAN checks, and the URL a visitor is handed to at each payment provider.
 */
export {COLUCHE_CEILINGS, colucheCeiling, taxReduction, type TaxRate} from './tax.js';
export {epcPayload, groupIban, isCreditorReference, normalizeIban, TransferQrError, type TransferQr} from './sepa.js';
export {
  DEFAULT_CURRENCY,
  DONATION_PROVIDERS,
  donationTarget,
  formatAmount,
  isRefusal,
  type DonationChoice,
  type DonationFrequency,
  type DonationHandoff,
  type DonationProblem,
  type DonationProvider,
  type DonationRefusal,
  type DonationTarget,
  type ProviderSettings,
} from './providers.js';
