import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing} from 'lit';
import '../packages/donate-button/src/define.js';

/**
 * `<donate-button>`: preset amounts and an amount of one's own, once or monthly where the provider allows it, what the
 * gift costs after the French tax reduction, and the hand-over to the association's payment provider.
 *
 * Nothing leaves the page until "Donate" is pressed, and the stories cancel `lien-donate`, so no story hands over to a
 * provider. Switch "Locale" in the toolbar for French.
 */
interface Args {
  provider: string;
  inline: boolean;
  amounts: string;
  frequencies: string;
  taxRate: number;
  goal?: number;
  raised?: number;
}

const meta: Meta<Args> = {
  title: 'Elements/donate-button',
  component: 'donate-button',
  tags: ['autodocs'],
  args: {provider: 'helloasso', inline: true, amounts: '10 25 50', frequencies: 'once monthly', taxRate: 66},
  argTypes: {
    provider: {control: 'select', options: ['helloasso', 'stripe', 'paypal', 'liberapay', 'opencollective', 'sepa']},
    taxRate: {control: 'inline-radio', options: [66, 75, 0]},
  },
  render: (args) =>
    html`<donate-button
      provider=${args.provider}
      ?inline=${args.inline}
      amounts=${args.amounts}
      frequencies=${args.frequencies}
      tax-rate=${args.taxRate}
      goal=${args.goal ?? nothing}
      raised=${args.raised ?? nothing}
      organization="lien-de-quartier"
      form="dons-2026"
      href="https://buy.stripe.com/test_8wMbKQ3aB1cD"
      business="dons@lien-de-quartier.example"
      account="lien-de-quartier"
      collective="lien-de-quartier"
      iban="FR14 2004 1010 0505 0001 3M02 606"
      beneficiary="Lien de Quartier"
      reference="Don"
      @lien-donate=${(event: Event) => args.provider !== 'sepa' && event.preventDefault()}
    ></donate-button>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Inline: Story = {};

export const Dialog: Story = {name: 'A button that opens a dialog', args: {inline: false}};

export const WithGoal: Story = {name: 'With a goal', args: {goal: 5000, raised: 1250}};

/** Liberapay takes monthly gifts only: the frequency choice goes away. */
export const MonthlyOnly: Story = {name: 'Monthly only (Liberapay)', args: {provider: 'liberapay'}};

/** The transfer and its QR code, drawn in the page: press "Donate". */
export const BankTransfer: Story = {name: 'Bank transfer with a QR code', args: {provider: 'sepa'}};

export const Stripe: Story = {name: 'Stripe Payment Link (the amount is typed again there)', args: {provider: 'stripe', frequencies: 'once'}};

export const PayPal: Story = {name: 'PayPal Donate', args: {provider: 'paypal'}};

export const OpenCollective: Story = {name: 'Open Collective', args: {provider: 'opencollective'}};

/** A setting the provider needs is wrong: pressing "Donate" says which, and the page hears `lien-error`. */
export const WrongSetting: Story = {
  name: 'A wrong setting, said in words',
  render: () => html`<donate-button inline provider="stripe" href="https://evil.example/pay"></donate-button>`,
  play: async ({canvasElement}) => {
    const element = canvasElement.querySelector('donate-button')!;
    await (element as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[part=donate]')!.click();
  },
};

type CheckoutOutcome = 'confirmed' | 'refused' | 'abandoned' | 'pending';

/** Answers for the story's gateway, which does not exist: the outcome chosen in the controls. */
const storyGateway = 'https://gateway.example';
let storyOutcome: CheckoutOutcome = 'confirmed';
const pageFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (!url.startsWith(`${storyGateway}/`)) return pageFetch(input, init);
  const reference = url.split('/').pop();
  return Promise.resolve(new Response(JSON.stringify({reference, state: storyOutcome, amount: 2500}), {headers: {'content-type': 'application/json'}}));
};

/**
 * Back on the page after HelloAsso, through a gateway: the element asks it how the payment ended and says so.
 * `pending` waits 3 s here (20 s by default) before saying the payment is not confirmed yet. The gateway is simulated.
 */
export const BackFromHelloAsso: StoryObj<{outcome: CheckoutOutcome}> = {
  name: 'Back from HelloAsso (through a gateway)',
  args: {outcome: 'confirmed'},
  argTypes: {outcome: {control: 'inline-radio', options: ['confirmed', 'refused', 'abandoned', 'pending']}},
  render: ({outcome}) => {
    storyOutcome = outcome;
    const url = new URL(location.href);
    url.searchParams.set('lien-checkout', crypto.randomUUID());
    history.replaceState(history.state, '', url);
    return html`<donate-button inline provider="helloasso" organization="lien-de-quartier" form="dons-2026" gateway=${storyGateway} confirmation-wait="3000"></donate-button>`;
  },
};
