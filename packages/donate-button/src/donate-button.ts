import {html, nothing, svg, type PropertyValues} from 'lit';
import {live} from 'lit/directives/live.js';
import {msg, str} from '@lit/localize';
import {baseStyles, formatMoney, headingLevel, isAbort, LienElement, LienError, LienErrorEvent, LienEvent, levelBelow, renderHeading, toLienError} from '@lien/core';
import {templates as fr} from './generated/locales/fr.js';
import {parseAmounts, readAmount} from './amount.js';
import {dialogStyles, donateButtonStyles, goalStyles, transferStyles} from './donate-button.styles.js';
import {DEFAULT_CURRENCY, DONATION_PROVIDERS, donationTarget, isRefusal, type DonationFrequency, type DonationProvider, type ProviderSettings} from './providers.js';
import {followCheckout, startCheckout, takeReturnedCheckout, type CheckoutState} from './checkout.js';
import type {PreparedTransfer} from './sepa-qr.part.js';
import type {Goal, GoalSource} from './goals.js';
import {taxReduction, type TaxRate} from './tax.js';
import {donationServiceError, leftToChooseText, settingError} from './messages.js';

/** What `lien-donate` says, before the visitor leaves the page; cancel it to keep them. */
export interface DonateDetail {
  /** In major units, as the visitor chose it: "7,5" typed in French is 7.5. */
  amount: number;
  currency: string;
  frequency: DonationFrequency;
  provider: DonationProvider | 'sepa';
  /** Where the visitor is handed to; none for a bank transfer (`sepa`), which the page shows itself. */
  url?: string;
}

/** The events `<donate-button>` fires. */
export type DonateButtonEvents = {
  'lien-donate': LienEvent<'lien-donate', DonateDetail>;
  'lien-error': LienErrorEvent;
};

declare global {
  interface HTMLElementTagNameMap {
    'donate-button': DonateButton;
  }
}

/**
 * A donation panel that an association's page holds itself: preset amounts and an amount of one's own (read in the
 * page's language), once or monthly where the provider allows it, what the gift really costs after the French tax
 * reduction, and a hand-over to the association's payment provider. No provider script or frame is loaded.
 *
 * By default a button opens the panel in a modal dialog; `inline` puts it in the page. With `provider="helloasso"` and
 * a `gateway`, the gateway creates a HelloAsso checkout for the chosen amount; back on the page, the element asks the
 * gateway how the payment ended and thanks the donor only once HelloAsso has confirmed it.
 *
 * @customElement donate-button
 * @fires lien-donate - The visitor chose and is about to leave for the provider (`detail.amount`, `currency`, `frequency`, `provider`, `url`); cancelable.
 * @fires lien-error - The settings cannot give a hand-over (`detail.error`, a LienError), said in words in the panel too.
 * @csspart panel - The panel.
 * @csspart amounts - The amount choices.
 * @csspart custom-amount - The field for an amount of one's own.
 * @csspart tax-note - What the gift costs after the tax reduction.
 * @csspart progress - The goal, in words and as a bar.
 * @csspart button - The button that opens the dialog.
 * @csspart donate - The button that hands over to the provider.
 * @csspart fallback - The plain link to the provider's page.
 * @csspart status - How a HelloAsso checkout through the gateway is going, or how it ended.
 */
export class DonateButton extends LienElement<DonateButtonEvents> {
  static override styles = [baseStyles, donateButtonStyles, goalStyles, transferStyles, dialogStyles];
  static override translations = {fr};

  static override properties = {
    provider: {},
    organization: {},
    form: {},
    href: {},
    hostedButtonId: {attribute: 'hosted-button-id'},
    business: {},
    account: {},
    collective: {},
    amounts: {},
    amount: {type: Number},
    min: {type: Number},
    max: {type: Number},
    currency: {},
    frequencies: {},
    taxRate: {attribute: 'tax-rate', type: Number},
    label: {},
    chosen: {state: true},
    custom: {state: true},
    frequency: {state: true},
    inline: {type: Boolean, reflect: true},
    headingLevel: {attribute: 'heading-level', converter: headingLevel},
    goal: {type: Number},
    raised: {type: Number},
    goalSource: {attribute: 'goal-source'},
    goalSrc: {attribute: 'goal-src'},
    sourcedGoal: {state: true},
    iban: {},
    bic: {},
    beneficiary: {},
    reference: {},
    gateway: {},
    confirmationWait: {attribute: 'confirmation-wait', type: Number},
    problem: {state: true},
    transfer: {state: true},
    checkout: {state: true},
  };

  /** `helloasso`, `stripe`, `paypal`, `liberapay` or `opencollective`. */
  declare provider: string;
  declare organization?: string;
  declare form?: string;
  declare href?: string;
  declare hostedButtonId?: string;
  declare business?: string;
  declare account?: string;
  declare collective?: string;
  /** The preset amounts, space-separated (default `10 25 50`). */
  declare amounts: string;
  /** The amount chosen at first (default the second preset). */
  declare amount?: number;
  declare min: number;
  declare max: number;
  /** ISO 4217 (default EUR). */
  declare currency: string;
  /** `once`, `monthly` or both (default `once monthly`), where the provider allows them. */
  declare frequencies: string;
  /** 66 (default), 75, or 0 to show no tax note. */
  declare taxRate: number;
  /** The donate button's words (default "Donate …"). */
  declare label?: string;
  /** The panel in the page, instead of a button that opens it in a dialog. */
  declare inline: boolean;
  /** The level of the dialog's title, 1–6 (default 2: a dialog stands apart from the page's outline). */
  declare headingLevel?: number;
  /** A goal in the currency, and how much of it is raised: a progress bar with its words. */
  declare goal?: number;
  declare raised?: number;
  /**
   * Where to read the goal instead: `gateway` (the goal and what the association's HelloAsso forms raised, from the
   * `gateway`), `liberapay` (the `account`'s goal and income per week, from its public.json) or `opencollective` (the
   * `collective`'s next goal, against its balance or yearly budget).
   */
  declare goalSource?: GoalSource;
  /** Another address answering as the goal source does (a cache or a proxy). */
  declare goalSrc?: string;
  /** `sepa`: the association's IBAN, BIC (optional), name as the bank knows it, and a reference for its books. */
  declare iban?: string;
  declare bic?: string;
  declare beneficiary?: string;
  declare reference?: string;
  /**
   * `helloasso`: a Lien gateway's address (`https://gateway.example` or `…/v1`). The gateway then creates a checkout
   * with the chosen amount; without it, the visitor is sent to the association's public form and types it there.
   */
  declare gateway?: string;
  /** How long, in milliseconds, a returning donor's payment is awaited before the element says it is not confirmed yet (default 20 s). */
  declare confirmationWait: number;

  /** A preset amount, or `custom`. */
  declare private chosen: number | 'custom';
  declare private custom: string;
  declare private frequency: DonationFrequency;
  declare private problem?: LienError;
  /** `sepa`, once the visitor chose: the transfer to make, and its QR code once the encoder is in. */
  declare private transfer?: {amount: number} & Partial<PreparedTransfer>;
  /** A HelloAsso checkout through the gateway: being created, being checked, or how it ended (amount in cents). */
  declare private checkout?: {phase: 'starting' | 'checking' | CheckoutState; amount?: number};
  private leaving?: AbortController;
  /** The checkout this page was returned with, followed by this element (the first one set for HelloAsso's gateway). */
  private returned?: string;
  /** The goal read from `goal-source`; `null` when the source has none to show; or why it could not be read. */
  declare private sourcedGoal?: Goal | null | LienError;
  private goalReading?: AbortController;

  constructor() {
    super();
    this.provider = '';
    this.amounts = '10 25 50';
    this.min = 1;
    this.max = 100_000;
    this.currency = DEFAULT_CURRENCY;
    this.frequencies = 'once monthly';
    this.taxRate = 66;
    this.chosen = 25;
    this.custom = '';
    this.frequency = 'once';
    this.inline = false;
    this.confirmationWait = 20_000;
  }

  /** The preset amounts and the frequencies offered, derived from the settings once per update. */
  private presets: number[] = [];
  private offered: DonationFrequency[] = [];

  /** The frequencies asked for that the provider can take: Stripe and PayPal are once, Liberapay recurring. */
  private offeredFrequencies(): DonationFrequency[] {
    const asked = (['once', 'monthly'] as const).filter((f) => this.frequencies.split(/[\s,]+/).includes(f));
    // A QR code starts one transfer; a monthly one is a standing order, which the donor sets up in their bank.
    if (this.provider === 'sepa') return ['once'];
    return asked.filter((frequency) => {
      const target = this.target(1, frequency);
      return !(target && isRefusal(target) && (target.problem === 'no-monthly' || target.problem === 'no-once'));
    });
  }

  private target(amount: number, frequency: DonationFrequency) {
    if (!(DONATION_PROVIDERS as readonly string[]).includes(this.provider)) return undefined;
    const settings: ProviderSettings = {
      organization: this.organization,
      form: this.form,
      href: this.href,
      'hosted-button-id': this.hostedButtonId,
      business: this.business,
      account: this.account,
      collective: this.collective,
      currency: this.currency,
    };
    return donationTarget(this.provider as DonationProvider, settings, {amount, frequency});
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('amounts') || changed.has('amount')) {
      const parsed = parseAmounts(this.amounts);
      this.presets = parsed.length ? parsed : [10, 25, 50];
      const first = this.amount ?? this.presets[Math.min(1, this.presets.length - 1)]!;
      if (this.presets.includes(first)) this.chosen = first;
      else [this.chosen, this.custom] = ['custom', String(first)];
    }
    this.offered = this.offeredFrequencies();
    if (this.goalChanged(changed)) {
      const known = this.goalSource === 'gateway' || this.goalSource === 'liberapay' || this.goalSource === 'opencollective';
      this.sourcedGoal = known ? undefined : settingError('goal-source', 'bad-setting');
    }
    if (this.offered.length && !this.offered.includes(this.frequency)) this.frequency = this.offered[0]!;
  }

  /** The amount chosen, or a validation error in words. */
  private chosenAmount(): number {
    if (this.chosen !== 'custom') return this.chosen;
    return readAmount(this.custom, {min: this.min, max: this.max, currency: this.currency});
  }

  private async donate(event: Event): Promise<void> {
    event.preventDefault();
    if (this.checkout?.phase === 'starting') return;
    this.problem = undefined;
    this.checkout = undefined;
    try {
      const amount = this.chosenAmount();
      if (this.provider === 'sepa') return await this.showTransfer(amount);
      const target = this.target(amount, this.frequency);
      if (!target) throw new LienError('validation', msg(str`Unknown payment provider "${this.provider}". Use helloasso, stripe, paypal, liberapay, opencollective or sepa.`));
      if (isRefusal(target)) throw settingError(target.setting, target.problem);
      const viaGateway = this.provider === 'helloasso' && this.gateway;
      const detail: DonateDetail = {amount, currency: this.currency, frequency: this.frequency, provider: this.provider as DonationProvider, url: viaGateway ? undefined : target.url};
      if (!this.emit(new LienEvent('lien-donate', detail, {cancelable: true}))) return;
      if (!viaGateway) return window.location.assign(target.url);
      this.checkout = {phase: 'starting'};
      const cents = Math.round(amount * 100);
      const payPage = await startCheckout(this.gateway!, {amount: cents, frequency: this.frequency, organization: this.organization, form: this.form});
      window.location.assign(payPage);
    } catch (error) {
      this.checkout = undefined;
      this.fail(error);
    }
  }

  /** A problem said in the panel; a setting's or the gateway's is also told to the page (`lien-error`). */
  private fail(error: unknown): void {
    const problem = toLienError(error);
    if (isAbort(problem)) return;
    this.problem = problem.kind === 'validation' ? problem : new LienError(problem.kind, donationServiceError(problem), {status: problem.status, retryAfter: problem.retryAfter, cause: problem});
    if (this.problem.field !== 'amount') this.emit(new LienErrorEvent(this.problem));
  }

  protected override firstUpdated(): void {
    // The first element for HelloAsso's gateway takes the checkout the page was returned with; the others never see it.
    const reference = this.provider === 'helloasso' && this.gateway ? takeReturnedCheckout() : undefined;
    if (reference) void this.awaitConfirmation((this.returned = reference));
    // Back from HelloAsso by the browser's back button, the page may come from its cache as it was left.
    window.addEventListener('pageshow', this.shownAgain);
  }

  private shownAgain = (event: PageTransitionEvent) => {
    if (event.persisted && this.checkout?.phase === 'starting') this.checkout = undefined;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) return;
    window.addEventListener('pageshow', this.shownAgain);
    // Moved in the page: what was being read when it was taken out is read again.
    if (this.returned && this.checkout?.phase === 'checking') void this.awaitConfirmation(this.returned);
    if (this.goalSource && this.sourcedGoal === undefined) void this.readGoal();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.shownAgain);
    this.leaving?.abort();
    this.goalReading?.abort();
  }

  /** The goal's settings changed: a source to read from again. */
  private goalChanged(changed: PropertyValues<this>): boolean {
    return Boolean(this.goalSource) && ['goalSource', 'goalSrc', 'account', 'collective', 'gateway'].some((name) => changed.has(name as keyof DonateButton));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.goalChanged(changed) && !(this.sourcedGoal instanceof LienError && this.sourcedGoal.field === 'goal-source')) void this.readGoal();
  }

  /** The goal from its source (the reader is fetched then); a failure leaves the panel usable and is said beside it. */
  private async readGoal(): Promise<void> {
    this.goalReading?.abort();
    const reading = (this.goalReading = new AbortController());
    try {
      const {loadGoal} = await import('./goals.js');
      const settings = {account: this.account, collective: this.collective, gateway: this.gateway, src: this.goalSrc};
      const goal = await loadGoal(this.goalSource!, settings, reading.signal);
      if (!reading.signal.aborted) this.sourcedGoal = goal ?? null;
    } catch (error) {
      if (reading.signal.aborted || isAbort(error)) return;
      this.sourcedGoal = toLienError(error);
      this.emit(new LienErrorEvent(this.sourcedGoal));
    }
  }

  /**
   * Back from HelloAsso: the gateway's word on the payment, shown in the panel (opened when it is a dialog) and given
   * the focus, so that a donor back on a long page, or on a screen reader, hears how the gift ended.
   */
  private async awaitConfirmation(reference: string): Promise<void> {
    const leaving = (this.leaving = new AbortController());
    this.checkout = {phase: 'checking'};
    await this.updateComplete;
    if (!this.inline && !this.renderRoot.querySelector('dialog')?.open) this.renderRoot.querySelector('dialog')?.showModal();
    try {
      const {state, amount} = await followCheckout(this.gateway!, reference, {patience: this.confirmationWait, signal: leaving.signal});
      this.checkout = {phase: state, amount};
      await this.updateComplete;
      const status = this.renderRoot.querySelector<HTMLElement>('[part=status]');
      status?.focus();
      if (this.inline) status?.scrollIntoView({block: 'center'});
    } catch (error) {
      if (leaving.signal.aborted) return;
      this.checkout = undefined;
      this.fail(error);
    }
  }

  /** The bank transfer and its QR code, drawn here: no provider, no fee, works offline once loaded. */
  private async showTransfer(amount: number): Promise<void> {
    const {prepareTransfer, TransferQrError} = await import('./sepa-qr.part.js');
    let prepared: PreparedTransfer;
    try {
      prepared = prepareTransfer({beneficiary: this.beneficiary ?? '', iban: this.iban ?? '', bic: this.bic, amount, reference: this.reference, purpose: 'CHAR'});
    } catch (error) {
      throw settingError(error instanceof TransferQrError ? error.field : 'iban', 'bad-setting');
    }
    const detail: DonateDetail = {amount, currency: 'EUR', frequency: 'once', provider: 'sepa'};
    if (this.emit(new LienEvent('lien-donate', detail, {cancelable: true}))) this.transfer = {amount, ...prepared};
  }

  private renderTransfer(transfer: NonNullable<DonateButton['transfer']>) {
    const {qr} = transfer;
    if (!qr) return nothing;
    return html`<div part="transfer" class="transfer">
      <svg part="qr" class="qr" viewBox=${`-4 -4 ${qr.size + 8} ${qr.size + 8}`} role="img" aria-label=${msg("QR code of the transfer: scan it with your bank's app")}>
        ${svg`<rect x="-4" y="-4" width=${qr.size + 8} height=${qr.size + 8} fill="#fff" /><path d=${qr.path} fill="#000" />`}
      </svg>
      <dl>
        <dt>${msg('Beneficiary')}</dt>
        <dd>${this.beneficiary}</dd>
        <dt>IBAN</dt>
        <dd><span class="iban">${transfer.groupedIban}</span> <button type="button" class="copy" @click=${() => void navigator.clipboard?.writeText(transfer.iban!)}>${msg('Copy the IBAN')}</button></dd>
        <dt>${msg('Amount')}</dt>
        <dd>${formatMoney(transfer.amount, 'EUR')}</dd>
        ${this.reference ? html`<dt>${msg('Reference')}</dt><dd>${this.reference}</dd>` : nothing}
      </dl>
    </div>`;
  }

  /** Where a HelloAsso checkout through the gateway stands, in words. */
  private renderCheckout() {
    const checkout = this.checkout;
    if (!checkout) return nothing;
    const amount = checkout.amount !== undefined ? formatMoney(checkout.amount / 100, 'EUR') : undefined;
    const words = {
      starting: msg('Preparing the payment with HelloAsso…'),
      checking: msg('Checking your payment with HelloAsso…'),
      confirmed: amount ? msg(str`Thank you! HelloAsso confirmed your gift of ${amount}.`) : msg('Thank you! HelloAsso confirmed your gift.'),
      refused: msg('The payment was refused or did not go through: no money was taken. You can try again.'),
      abandoned: msg("You left HelloAsso's page before paying: no gift was made. You can choose again."),
      pending: msg('Your payment is not confirmed yet. If you paid, HelloAsso will e-mail your receipt to the address you gave on its page.'),
      unknown: msg('Your payment could not be checked just now. If you paid, HelloAsso will e-mail your receipt: look for it before giving again.'),
    }[checkout.phase];
    // Two nodes, not one whose role changes: an alert that appears is announced, a role that changes may not be.
    return checkout.phase === 'refused'
      ? html`<p part="status" class="error" role="alert" tabindex="-1">${words}</p>`
      : html`<p part="status" class="status" role="status" tabindex="-1">${words}</p>`;
  }

  /** The goal in words ("1 250 € raised of 5 000 €", or per week, or a balance) and as a bar that says the same. */
  private renderGoal() {
    const sourced = this.sourcedGoal;
    if (sourced instanceof LienError) {
      const from = {gateway: msg('the donation service'), liberapay: 'Liberapay', opencollective: 'Open Collective'}[this.goalSource!];
      return html`<p part="progress" class="note">${sourced.kind === 'validation' ? sourced.message : msg(str`The goal could not be read from ${from}.`)}</p>`;
    }
    const goal: Goal | undefined = this.goalSource
      ? (sourced ?? undefined)
      : this.goal && this.goal > 0
        ? {goal: this.goal, reached: Math.max(0, this.raised ?? 0), currency: this.currency, measure: 'raised'}
        : undefined;
    if (!goal) return nothing;
    const [reached, target] = [formatMoney(goal.reached, goal.currency), formatMoney(goal.goal, goal.currency)];
    const words = {
      raised: msg(str`${reached} raised of ${target}`),
      balance: msg(str`${reached} available of a ${target} goal`),
      weekly: msg(str`${reached} a week, of a ${target} weekly goal`),
      yearly: msg(str`${reached} a year, of a ${target} yearly goal`),
    }[goal.measure];
    return html`<div part="progress" class="progress">
      <p id="goal-words">${words}</p>
      <progress max=${goal.goal} .value=${Math.min(goal.reached, goal.goal)} aria-labelledby="goal-words"></progress>
    </div>`;
  }

  private taxNote(): string | typeof nothing {
    if (this.taxRate !== 66 && this.taxRate !== 75) return nothing;
    let amount: number;
    try {
      amount = this.chosenAmount();
    } catch {
      return nothing;
    }
    const {cost} = taxReduction(amount, this.taxRate as TaxRate);
    return msg(str`Your gift of ${formatMoney(amount, this.currency)} costs you ${formatMoney(cost, this.currency)} after the tax reduction.`);
  }

  override render() {
    if (this.inline) return this.renderPanel();
    // A native modal dialog: it keeps the focus inside, closes on Escape, and gives the focus back to the opener.
    const dialog = () => this.renderRoot.querySelector('dialog');
    return html`<button part="button" type="button" class="open" aria-haspopup="dialog" @click=${() => dialog()?.showModal()}>${this.label ?? msg('Donate')}</button>
      <dialog aria-labelledby="dialog-title">
        <div class="dialog-head">
          ${renderHeading(levelBelow(this.headingLevel, 0, 2), msg('Make a donation'), {id: 'dialog-title'})}
          <button type="button" class="close secondary" @click=${() => dialog()?.close()}>${msg('Close')}</button>
        </div>
        ${this.renderPanel()}
      </dialog>`;
  }

  private renderPanel() {
    const offered = this.offered;
    const amountError = this.problem?.field === 'amount' ? this.problem : undefined;
    const settingsError = this.problem && !amountError ? this.problem : undefined;
    // The plain link: the hand-over of the current choice (or of the first preset while the amount is not valid).
    let fallbackAmount = this.presets[0]!;
    try {
      fallbackAmount = this.chosenAmount();
    } catch {
      // keep the first preset
    }
    const fallback = this.target(fallbackAmount, this.frequency);
    // Through the gateway, HelloAsso's checkout gets the amount; a monthly gift still goes to the association's form.
    const passedOn = this.provider === 'helloasso' && this.gateway && this.frequency === 'once';
    const nextStep = fallback && !isRefusal(fallback) && !passedOn ? leftToChooseText(fallback.leftToChoose, new URL(fallback.url).host, formatMoney(fallbackAmount, this.currency)) : undefined;
    const note = this.taxNote();
    return html`<form part="panel" class="panel" novalidate @submit=${(e: Event) => void this.donate(e)}>
      ${this.renderCheckout()} ${this.renderGoal()}
      <fieldset part="amounts" class="amounts">
        <legend>${msg('Amount')}</legend>
        ${this.presets.map(
          (value) => html`<label class="choice"
            ><input type="radio" name="amount" .checked=${live(this.chosen === value)} @change=${() => ((this.chosen = value), (this.problem = undefined))} />
            ${formatMoney(value, this.currency)}</label
          >`
        )}
        <label class="choice custom"
          ><input type="radio" name="amount" .checked=${live(this.chosen === 'custom')} @change=${() => (this.chosen = 'custom')} />
          ${msg('Other amount')}
          <input
            part="custom-amount"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            aria-label=${msg('Other amount')}
            aria-invalid=${amountError ? 'true' : 'false'}
            aria-describedby="amount-error"
            .value=${live(this.custom)}
            @input=${(e: Event) => ((this.custom = (e.target as HTMLInputElement).value), (this.chosen = 'custom'), (this.problem = undefined))}
        /></label>
        <p id="amount-error" class="error" role="alert">${amountError ? amountError.message : nothing}</p>
      </fieldset>
      ${offered.length > 1
        ? html`<fieldset class="frequency">
            <legend>${msg('How often')}</legend>
            ${offered.map(
              (f) => html`<label class="choice"
                ><input type="radio" name="frequency" .checked=${live(this.frequency === f)} @change=${() => (this.frequency = f)} />
                ${f === 'monthly' ? msg('Every month') : msg('Once')}</label
              >`
            )}
          </fieldset>`
        : html`<p class="note">${this.provider === 'sepa'
            ? msg("This transfer is made once; for a monthly gift, set up a standing order in your bank's app.")
            : this.frequency === 'monthly'
              ? msg('This gift is made every month: this provider takes no one-time gift.')
              : msg('This gift is made once: this provider takes no monthly gift from here.')}</p>`}
      <p part="tax-note" class="tax-note" aria-live="polite">${note}</p>
      ${settingsError ? html`<p class="error" role="alert">${settingsError.message}</p>` : nothing}
      ${this.transfer ? this.renderTransfer(this.transfer) : nothing}
      ${nextStep ? html`<p part="next-step" id="next-step" class="note">${nextStep}</p>` : nothing}
      <button part="donate" type="submit" aria-describedby=${nextStep ? 'next-step' : nothing} aria-disabled=${this.checkout?.phase === 'starting' ? 'true' : 'false'}>${this.label ?? (this.frequency === 'monthly' ? msg('Donate every month') : msg('Donate'))}</button>
      ${fallback && !isRefusal(fallback)
        ? html`<p part="fallback" class="fallback">
            ${msg("Or give on the provider's own page:")} <a href=${fallback.url} rel="noopener">${new URL(fallback.url).host}</a>
          </p>`
        : nothing}
    </form>`;
  }
}
