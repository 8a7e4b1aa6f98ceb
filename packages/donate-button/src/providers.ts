/**
 * Where a visitor is handed to after choosing an amount and a frequency: one rule per payment provider, built from
 * the element's settings (its attributes). Pure: no DOM, no network. Every rule checks its settings first (shape,
 * scheme, host), then writes the URL from constant parts and URL-encoded values only, so that no setting can change
 * the host or the path. An amount goes in a URL only when the provider documents (or its own source reads) a
 * parameter for it, and only the amount the visitor chose; otherwise `leftToChoose` says what the visitor picks
 * again on the provider's page, so that the element can tell them.
 */

export type DonationProvider = 'helloasso' | 'stripe' | 'paypal' | 'liberapay' | 'opencollective';
export type DonationFrequency = 'once' | 'monthly';

/** The element's settings by attribute name (`organization`, `href`, `hosted-button-id`, `currency`, …). */
export type ProviderSettings = Readonly<Record<string, string | null | undefined>>;

export interface DonationChoice {
  /** In major units (25, 7.5), as the visitor chose it. */
  amount: number;
  frequency: DonationFrequency;
}

/** The URL to hand the visitor to, and what they still have to choose there because the URL cannot carry it. */
export interface DonationHandoff {
  url: string;
  leftToChoose: readonly ('amount' | 'frequency')[];
}

export type DonationProblem =
  /** A setting the provider needs is absent or empty. */
  | 'missing-setting'
  /** A setting does not have the shape the provider gives it (or points elsewhere than the provider). */
  | 'bad-setting'
  /** Two settings that exclude each other are both given (PayPal's `hosted-button-id` and `business`). */
  | 'conflicting-settings'
  /** The provider cannot take a monthly gift this way. */
  | 'no-monthly'
  /** The provider only takes recurring gifts (Liberapay). */
  | 'no-once'
  /** The amount is not a positive amount of at most two decimals' worth. */
  | 'bad-amount'
  /** The currency is not a three-letter code, or not one the provider takes this way. */
  | 'bad-currency';

/** Why no URL can be given: `setting` names the attribute (or `amount`, `frequency`) the element explains. */
export interface DonationRefusal {
  problem: DonationProblem;
  setting: string;
}

export type DonationTarget = DonationHandoff | DonationRefusal;

export const DEFAULT_CURRENCY = 'EUR';

const MAX_AMOUNT = 999_999_999.99;

type Rule = (settings: ProviderSettings, choice: DonationChoice, currency: string, amount: string) => DonationTarget;

const refuse = (problem: DonationProblem, setting: string): DonationRefusal => ({problem, setting});

/** A setting, trimmed; `undefined` when absent or blank. */
function setting(settings: ProviderSettings, name: string): string | undefined {
  const value = settings[name]?.trim();
  return value ? value : undefined;
}

/** The amount as the URLs write it: a dot before the cents, no cents when there are none ("25", "7.50"). */
export function formatAmount(amount: number): string | undefined {
  if (!Number.isFinite(amount) || amount < 0.01 || amount > MAX_AMOUNT) return undefined;
  const cents = Math.round(amount * 100);
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** `base` followed by its query, every name and value URL-encoded. */
function withQuery(base: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${base}?${search}` : base;
}

/** A slug as HelloAsso writes organisations and forms in its URLs: lower-case letters, digits, single dashes. */
const HELLOASSO_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * HelloAsso, the association's public donation form, no gateway:
 * `https://www.helloasso.com/associations/{organization}/formulaires/{form}` (the form of type Donation; its number,
 * usually `1`, or its slug). Source: no HelloAsso page states the pattern; it is the shape of the donation-form links
 * associations publish (e.g. `https://www.helloasso.com/associations/workyt/formulaires/1`), next to `/adhesions/`,
 * `/evenements/`, `/boutiques/` for other form types; HelloAsso's API v5 gives each form's own `url`
 * (`FormBasicModel.url`), the one to copy when in doubt. HelloAsso documents no query parameter to
 * prefill the amount or the frequency of the public form, so the URL carries neither: the visitor types the amount
 * again, and picks a monthly gift on the form if the association offers it there. HelloAsso takes euros only.
 */
const helloasso: Rule = (settings, choice, currency) => {
  const organization = setting(settings, 'organization');
  if (!organization) return refuse('missing-setting', 'organization');
  if (!HELLOASSO_SLUG.test(organization)) return refuse('bad-setting', 'organization');
  const form = setting(settings, 'form');
  if (!form) return refuse('missing-setting', 'form');
  if (!HELLOASSO_SLUG.test(form)) return refuse('bad-setting', 'form');
  if (currency !== 'EUR') return refuse('bad-currency', 'currency');
  return {
    url: `https://www.helloasso.com/associations/${encodeURIComponent(organization)}/formulaires/${encodeURIComponent(form)}`,
    leftToChoose: choice.frequency === 'monthly' ? ['amount', 'frequency'] : ['amount'],
  };
};

/** A Stripe Payment Link's path: its id, `test_` first for a test-mode link. */
const STRIPE_LINK_PATH = /^\/(?:test_)?[A-Za-z0-9]{8,64}$/;

/**
 * Stripe Payment Link with a customer-chosen price: `https://buy.stripe.com/{id}`, as given, rebuilt from its id so that
 * nothing else of the setting (query, fragment, user info) is kept. Stripe's page on URL parameters
 * (https://docs.stripe.com/payment-links/url-parameters) documents `prefilled_email`, `prefilled_promo_code`,
 * `locale`, `client_reference_id` and `utm_*`, and no parameter for the amount: the `__prefilled_amount` (in cents)
 * found in many sites' code is not in Stripe's documentation, so the URL carries no amount and the visitor types it
 * on Stripe's page. A customer-chosen price is one-time only ("Let customers decide what to pay",
 * https://docs.stripe.com/payments/checkout/pay-what-you-want, which does not support subscription mode, as quoted in
 * Vandivier/ladderly-3 issue 72; the package's design says the same), so a monthly gift is refused.
 */
const stripe: Rule = (settings, choice) => {
  const href = setting(settings, 'href');
  if (!href) return refuse('missing-setting', 'href');
  let link: URL;
  try {
    link = new URL(href);
  } catch {
    return refuse('bad-setting', 'href');
  }
  if (link.protocol !== 'https:' || link.hostname !== 'buy.stripe.com' || link.port || link.username || link.password) return refuse('bad-setting', 'href');
  if (!STRIPE_LINK_PATH.test(link.pathname)) return refuse('bad-setting', 'href');
  if (choice.frequency === 'monthly') return refuse('no-monthly', 'frequency');
  return {url: `https://buy.stripe.com/${encodeURIComponent(link.pathname.slice(1))}`, leftToChoose: ['amount']};
};

/** A hosted button's id, as PayPal's button tool gives it (upper-case letters and digits, e.g. `ZP9Q7QUNS3QYY`). */
const PAYPAL_BUTTON_ID = /^[A-Z0-9]{8,32}$/;
/** A secure merchant account id: 13 upper-case letters and digits. */
const PAYPAL_MERCHANT_ID = /^[A-Z0-9]{13}$/;
/** An e-mail address: a local part without spaces, `@`, a domain of letters, digits, dashes and dots. */
const EMAIL = /^[^\s@"<>()[\]\\,;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * PayPal Donate: `https://www.paypal.com/donate/?` with `hosted_button_id` (a button made in PayPal) or `business`
 * (the account's e-mail or secure merchant id), `amount` and `currency_code`. Source: PayPal's "Donate: Sample HTML
 * button code" (https://developer.paypal.com/docs/paypal-payments-standard/integration-guide/html-example-donate:
 * `action="https://www.paypal.com/donate"`, `business`, `currency_code`, `no_recurring`; and its "URL code for
 * Donate email payment links") and "HTML Variables for PayPal Payments Standard"
 * (https://developer.paypal.com/docs/paypal-payments-standard/integration-guide/Appx-websitestandard-htmlvariables/:
 * `amount`, `currency_code`, `hosted_button_id`, `no_recurring`). A recurring gift cannot be preselected by a
 * variable: `no_recurring=0` lets the donor tick "Make this a monthly donation" on PayPal's page
 * (https://developer.paypal.com/docs/paypal-payments-standard/integration-guide/checkout-exp-donate), so a monthly
 * gift asks for it and leaves the frequency to the visitor. A hosted button's own settings at PayPal may override
 * the amount.
 */
const paypal: Rule = (settings, choice, currency, amount) => {
  const button = setting(settings, 'hosted-button-id');
  const business = setting(settings, 'business');
  if (button && business) return refuse('conflicting-settings', 'business');
  if (!button && !business) return refuse('missing-setting', 'hosted-button-id');
  const query: Record<string, string> = {};
  if (button) {
    if (!PAYPAL_BUTTON_ID.test(button)) return refuse('bad-setting', 'hosted-button-id');
    query.hosted_button_id = button;
  } else if (business) {
    if (!PAYPAL_MERCHANT_ID.test(business) && !(business.length <= 127 && EMAIL.test(business))) return refuse('bad-setting', 'business');
    query.business = business;
  }
  query.amount = amount;
  query.currency_code = currency;
  if (choice.frequency === 'monthly') query.no_recurring = '0';
  return {url: withQuery('https://www.paypal.com/donate/', query), leftToChoose: choice.frequency === 'monthly' ? ['frequency'] : []};
};

const LIBERAPAY_NAME = /^[A-Za-z0-9_.-]{1,32}$/;
const LIBERAPAY_FORBIDDEN_SUFFIXES = ['.txt', '.html', '.htm', '.json', '.xml'];

/**
 * Liberapay: `https://liberapay.com/{account}/donate?currency=EUR&period=monthly&amount=7.50`. Source:
 * liberapay/liberapay.com at cc5be724ecae6c2605711b42063c465bb2dd6438, `www/%username/donate.spt` (the route) and
 * `templates/macros/your-tip.html` (`request.qs.get('period')`, one of weekly|monthly|yearly; `amount` read with
 * `get_money_amount` in the English locale, a dot before the cents, and ignored unless `currency` is given and is one
 * the recipient accepts). Usernames: `Participant.check_username` (`liberapay/models/participant.py`): letters,
 * digits, `-_.`, at most 32, not only digits, not starting with a dot, not ending in .txt/.html/.htm/.json/.xml.
 * Liberapay gives recurrently only ("One-time donations aren't properly supported yet", `www/about/faq.spt`), so a
 * gift given once is refused.
 */
const liberapay: Rule = (settings, choice, currency, amount) => {
  const account = setting(settings, 'account');
  if (!account) return refuse('missing-setting', 'account');
  const lower = account.toLowerCase();
  if (!LIBERAPAY_NAME.test(account) || /^\d+$/.test(account) || account.startsWith('.') || LIBERAPAY_FORBIDDEN_SUFFIXES.some((suffix) => lower.endsWith(suffix)))
    return refuse('bad-setting', 'account');
  if (choice.frequency === 'once') return refuse('no-once', 'frequency');
  return {url: withQuery(`https://liberapay.com/${encodeURIComponent(account)}/donate`, {currency, period: 'monthly', amount}), leftToChoose: []};
};

/** A collective's slug: letters, digits, dashes and underscores, not starting with a dash. */
const OPENCOLLECTIVE_SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;

/**
 * Open Collective: `https://opencollective.com/{collective}/donate?amount=7.50&interval=month` (`interval=oneTime`
 * for a single gift). Source: opencollective/opencollective-frontend, `rewrites.js` (commit
 * c91e41a73be21cc3b74d56ca27f150f7f826bb72: `/:collectiveSlug/:verb(donate)/:step(…)?` to the contribution flow; the
 * older `/:collectiveSlug/donate/:amount/:interval` path form is still routed but takes whole amounts only) and
 * `components/contribution-flow/query-parameters.ts` (commit ed9059e87962f1e1815da1a874ed597a809c8288: public
 * `amount`, "Default contribution amount, @example 42.42", and `interval`), decoded by `lib/UrlQueryHelper.ts`
 * (`amount` with parseFloat into cents; `interval` one of month|year|oneTime). No currency parameter: the amount is
 * in the collective's own currency, which the element's `currency` must match.
 */
const opencollective: Rule = (settings, choice, _currency, amount) => {
  const collective = setting(settings, 'collective');
  if (!collective) return refuse('missing-setting', 'collective');
  if (!OPENCOLLECTIVE_SLUG.test(collective)) return refuse('bad-setting', 'collective');
  return {
    url: withQuery(`https://opencollective.com/${encodeURIComponent(collective)}/donate`, {amount, interval: choice.frequency === 'monthly' ? 'month' : 'oneTime'}),
    leftToChoose: [],
  };
};

const RULES: Record<DonationProvider, Rule> = {helloasso, stripe, paypal, liberapay, opencollective};

export const DONATION_PROVIDERS = Object.keys(RULES) as readonly DonationProvider[];

/**
 * The URL for `provider` from the element's `settings` and the visitor's `choice`, or the reason there is none.
 * The currency is the `currency` setting (three letters), EUR when absent.
 */
export function donationTarget(provider: DonationProvider, settings: ProviderSettings, choice: DonationChoice): DonationTarget {
  const rule = Object.hasOwn(RULES, provider) ? RULES[provider] : undefined;
  if (!rule) return refuse('bad-setting', 'provider');
  const currency = (setting(settings, 'currency') ?? DEFAULT_CURRENCY).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return refuse('bad-currency', 'currency');
  if (choice.frequency !== 'once' && choice.frequency !== 'monthly') return refuse('bad-setting', 'frequency');
  const amount = formatAmount(choice.amount);
  if (amount === undefined) return refuse('bad-amount', 'amount');
  return rule(settings, choice, currency, amount);
}

/** Whether a target is a refusal (narrows the union for the element). */
export function isRefusal(target: DonationTarget): target is DonationRefusal {
  return 'problem' in target;
}
