import {msg, str} from '@lit/localize';
import {formatNumber, LienError} from '@lien/core';

/** A setting of the element that cannot give a donation, said with its attribute's name. */
export function settingError(setting: string, problem: string): LienError {
  return new LienError('validation', msg(str`The donation cannot be made: the setting "${setting}" is missing or wrong (${problem}).`), {field: setting});
}

/** Why the association's donation service (its Lien gateway) could not do what was asked, in words. */
export function donationServiceError(error: LienError): string {
  switch (error.kind) {
    case 'offline':
      return msg('You are offline. Reconnect, then try again.');
    case 'rate-limited':
      return error.retryAfter !== undefined
        ? msg(str`Too many attempts from here just now. Try again in ${formatNumber(Math.ceil(error.retryAfter))} seconds.`)
        : msg('Too many attempts from here just now. Try again in a moment.');
    case 'http':
      if (error.status === 404) return msg('The donation service does not know this payment (error 404).');
      if (error.status !== undefined && error.status < 500)
        return msg(str`The donation service refused this gift (error ${error.status}): the amount may be more than it takes, or the site's settings need checking.`);
      return msg(str`The donation service has a problem on its side (error ${error.status ?? '?'}). You can give on the provider's own page below.`);
    default:
      return msg("The donation service could not be reached. You can give on the provider's own page below.");
  }
}

/** What the visitor chooses again on the provider's page, which cannot be told it from here. */
export function leftToChooseText(left: readonly ('amount' | 'frequency')[], host: string, amount: string): string | undefined {
  if (left.includes('amount') && left.includes('frequency')) return msg(str`On ${host}, enter ${amount} again and choose a monthly gift.`);
  if (left.includes('amount')) return msg(str`On ${host}, enter ${amount} again: the amount cannot be passed on to it.`);
  if (left.includes('frequency')) return msg(str`On ${host}, tick the monthly gift.`);
  return undefined;
}
