import {expect, fixture} from '@open-wc/testing';
import {html} from 'lit';
import {LienError, setLocale} from '@lien/core';
import {waitFor} from '@lien/testing';
import '../src/define.js';
import type {DonateButton} from '../src/donate-button.js';
import {readGatewayGoal, readLiberapayGoal, readOpenCollectiveGoal} from '../src/goals.js';

/** The upstreams' own cases (fixtures/goals/README.md): bodies their tests assert. */
const cases = async (name: string) => (await (await fetch(`/packages/donate-button/test/fixtures/goals/${name}`)).json()) as Record<string, Record<string, unknown>>;

describe('Liberapay public.json goals', () => {
  it('reads a goal and an income per week, in major units, and gives no bar without a goal or with the income hidden', async () => {
    const liberapay = await cases('liberapay-public.cases.json');
    const bob = liberapay['test_giving_and_receiving: GET /bob/public.json']!;
    const goalSet = liberapay['test_goal_is_a_dict_if_set']!;
    expect(readLiberapayGoal({...bob, goal: {amount: '5.00', currency: 'USD'}})).to.deep.equal({goal: 5, reached: 1.2, currency: 'USD', measure: 'weekly'});
    const alice = liberapay['test_giving_and_receiving: GET /alice/public.json']!;
    expect(readLiberapayGoal({...alice, ...goalSet})).to.deep.equal({goal: 1, reached: 0, currency: 'EUR', measure: 'weekly'});
    // No goal (null), a patron (goal absent), a hidden income: nothing to draw.
    expect(readLiberapayGoal({...alice, ...liberapay['test_goal_is_null_if_user_has_no_goal']})).to.equal(undefined);
    expect(readLiberapayGoal({...alice, ...liberapay['test_goal_is_undefined_if_user_goal_is_zero']})).to.equal(undefined);
    expect(readLiberapayGoal({...liberapay['test_giving_and_receiving: GET /alice/public.json after hide_giving and hide_receiving'], ...goalSet})).to.equal(undefined);
    // Income converted into another currency than the goal's would compare apples and pears: no bar.
    expect(readLiberapayGoal({...bob, ...goalSet})).to.equal(undefined);
  });

  it('refuses what is not Liberapay’s shape, naming the field', () => {
    for (const [body, field] of [
      [{goal: {amount: 'abc', currency: 'EUR'}, receiving: {amount: '1.00', currency: 'EUR'}}, 'goal'],
      [{goal: {amount: '5.00', currency: 'EUR'}, receiving: {amount: 1, currency: 'EUR'}}, 'receiving'],
      ['<html>', '(body)'],
    ] as const) {
      try {
        readLiberapayGoal(body);
        expect.fail('read');
      } catch (error) {
        expect(error).to.be.instanceOf(LienError);
        expect((error as LienError).field).to.equal(field);
      }
    }
  });
});

describe('Open Collective goals', () => {
  const account = (settings: unknown, balance: number, yearlyBudget: number) => ({
    data: {account: {currency: 'USD', settings, stats: {balance: {value: balance / 100, valueInCents: balance, currency: 'USD'}, yearlyBudget: {value: yearlyBudget / 100, valueInCents: yearlyBudget, currency: 'USD'}}}},
  });

  it('shows the goal the API calls next: the smallest not reached, measured in cents against the balance or the yearly budget', async () => {
    const goals = await cases('opencollective-settings-goals.cases.json');
    const byBalance = goals['returns the next goal based on balance']!;
    const next = byBalance.nextGoal as {amount: number; missing: {amount: number}};
    // The balance the upstream test's numbers imply (2,000.00 goal, 875.00 missing).
    const balance = next.amount - next.missing.amount;
    expect(readOpenCollectiveGoal(account(byBalance.settings, balance, 0))).to.deep.equal({goal: 2000, reached: 1125, currency: 'USD', measure: 'balance'});
    const byBudget = goals['returns the next goal based on yearlBudget']!;
    expect(readOpenCollectiveGoal(account(byBudget.settings, 10_000, 0))).to.deep.equal({goal: 5000, reached: 0, currency: 'USD', measure: 'yearly'});
    // Everything reached: the largest goal, full.
    expect(readOpenCollectiveGoal(account(byBudget.settings, 10_000, 600_000))).to.deep.equal({goal: 5000, reached: 6000, currency: 'USD', measure: 'yearly'});
    expect(readOpenCollectiveGoal(account({}, 10_000, 0))).to.equal(undefined);
  });

  it('reads the balance in cents as the API’s own test gives it, and refuses an answer without an account', async () => {
    const stats = await cases('opencollective-graphql-v2-stats-balance.cases.json');
    const big = stats['works with big ints (> GRAPHQL_MAX_INT)'] as {data: {account: {stats: {balance: unknown}}}};
    const answer = {data: {account: {currency: 'USD', settings: {goals: [{type: 'balance', amount: 10_000_000_000}]}, stats: {balance: big.data.account.stats.balance}}}};
    expect(readOpenCollectiveGoal(answer)).to.deep.equal({goal: 100_000_000, reached: 64424509.41, currency: 'USD', measure: 'balance'});
    for (const body of [{data: {account: null}}, {errors: [{message: 'No collective found'}]}]) {
      try {
        readOpenCollectiveGoal(body);
        expect.fail('read');
      } catch (error) {
        expect((error as LienError).field).to.equal('account');
      }
    }
  });
});

describe('A Lien gateway\'s goal', () => {
  it('reads cents as its OpenAPI document says, and refuses anything else, naming the field', () => {
    expect(readGatewayGoal({goal: 500_000, raised: 125_050, currency: 'EUR', since: null})).to.deep.equal({goal: 5000, reached: 1250.5, currency: 'EUR', measure: 'raised'});
    for (const [body, field] of [
      [{goal: '5000', raised: 0, currency: 'EUR'}, 'goal'],
      [{goal: 5000, raised: -1, currency: 'EUR'}, 'raised'],
      [{goal: 5000, raised: 10.5, currency: 'EUR'}, 'raised'],
      [{goal: 5000, raised: 0}, 'currency'],
      [null, 'goal'],
    ] as const) {
      try {
        readGatewayGoal(body);
        expect.fail('read');
      } catch (error) {
        expect((error as LienError).field, JSON.stringify(body)).to.equal(field);
      }
    }
  });
});

describe('<donate-button goal-source>', () => {
  const words = (el: HTMLElement) => el.shadowRoot!.querySelector('[part=progress]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  for (const locale of ['en', 'fr'] as const) {
    it(`shows Liberapay's weekly goal and Open Collective's next goal as words and a bar, and passes axe, in ${locale}`, async () => {
      await setLocale(locale);
      try {
        const liberapay = await fixture<DonateButton>(
          html`<donate-button inline provider="liberapay" account="alice" frequencies="monthly" goal-source="liberapay" goal-src="/mock/donate-button/goals/liberapay"></donate-button>`
        );
        await waitFor(() => words(liberapay), 'no Liberapay goal');
        expect(words(liberapay)).to.equal(locale === 'fr' ? '0 € par semaine, sur un objectif de 1 € par semaine' : '€0 a week, of a €1 weekly goal');
        const bar = liberapay.shadowRoot!.querySelector('progress')!;
        expect([bar.value, bar.max]).to.deep.equal([0, 1]);
        await expect(liberapay).to.be.accessible();

        const collective = await fixture<DonateButton>(
          html`<donate-button inline provider="opencollective" collective="lien" goal-source="opencollective" goal-src="/mock/donate-button/goals/opencollective"></donate-button>`
        );
        await waitFor(() => words(collective), 'no Open Collective goal');
        expect(words(collective)).to.equal(locale === 'fr' ? '1 125 $US disponibles sur un objectif de 2 000 $US' : '$1,125 available of a $2,000 goal');
        const ocBar = collective.shadowRoot!.querySelector('progress')!;
        expect([ocBar.value, ocBar.max]).to.deep.equal([1125, 2000]);
        await expect(collective).to.be.accessible();
      } finally {
        await setLocale('en');
      }
    });
  }

  it('a goal that cannot be read is said beside a panel that still works, and told to the page', async () => {
    for (const src of ['/mock/donate-button/goals/liberapay?status=500', '/mock/donate-button/goals/not-json']) {
      const el = await fixture<DonateButton>(html`<donate-button inline provider="liberapay" account="alice" goal-source="liberapay" goal-src=${src}></donate-button>`);
      const error = await new Promise<Event>((resolve) => el.addEventListener('lien-error', resolve, {once: true}));
      expect((error as CustomEvent).detail.error.kind).to.be.oneOf(['http', 'parse']);
      await el.updateComplete;
      expect(words(el)).to.equal('The goal could not be read from Liberapay.');
      expect(el.shadowRoot!.querySelector('button[part=donate]')).to.not.equal(null);
    }
    const unknown = await fixture<DonateButton>(html`<donate-button inline provider="paypal" business="dons@asso.example" goal-source="helloasso"></donate-button>`);
    await waitFor(() => words(unknown).includes('goal-source'), 'an unknown goal source is not said');
    // A source without the setting that names the association there: said, and nothing is fetched.
    for (const [source, setting] of [['gateway', 'gateway'], ['liberapay', 'account'], ['opencollective', 'collective']] as const) {
      const el = await fixture<DonateButton>(html`<donate-button inline provider="paypal" business="dons@asso.example" goal-source=${source}></donate-button>`);
      await waitFor(() => words(el).includes(`"${setting}"`), `a missing ${setting} is not said`);
    }
  });
});
