import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {LienError} from '@lien/core';
import {readMissions} from '@lien/open-data/api-engagement.js';
import '../packages/volunteer-signup/src/define.js';
import type {MissionDataSource} from '../packages/volunteer-signup/src/index.js';
// API Engagement's own mock list (packages/open-data/test/fixtures/api-engagement/README.md).
import missionList from '../packages/open-data/test/fixtures/api-engagement/mockoon.v0-mission-list-response.json';

/**
 * `<volunteer-signup>`: missions from open data, filters, and a signup form on the association's own page that never
 * loses a signup. The stories give the missions through `dataSource` (API Engagement's own example list, shown as if
 * it were before its missions end) and answer the signups themselves: nothing leaves the page. Switch "Locale" in
 * the toolbar for French.
 */
const meta: Meta = {title: 'Elements/volunteer-signup', component: 'volunteer-signup', tags: ['autodocs']};
export default meta;

type Story = StoryObj;

const missions: MissionDataSource = {
  async load() {
    const page = readMissions(missionList);
    // The example's missions ended in 2026: shown here as still open.
    return {...page, missions: page.missions.map((m) => ({...m, endAt: undefined}))};
  },
};
const none: MissionDataSource = {load: async () => ({missions: [], rejected: []})};
const failing: MissionDataSource = {
  load: async () => {
    throw new LienError('http', 'HTTP 503', {status: 503});
  },
};

/** Answers for the stories' signup endpoint, which does not exist: sent, or unreachable (kept on the device). */
const storySubmit = 'https://signups.example/v1/signups';
let storyAnswer: 'sent' | 'unreachable' = 'sent';
const pageFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (!url.startsWith(storySubmit)) return pageFetch(input, init);
  if (storyAnswer === 'unreachable') return Promise.reject(new TypeError('Failed to fetch'));
  return Promise.resolve(new Response(JSON.stringify({id: crypto.randomUUID(), missionId: null, createdAt: new Date().toISOString()}), {status: 201}));
};

export const List: Story = {render: () => html`<volunteer-signup .dataSource=${missions} submit=${storySubmit}></volunteer-signup>`};

export const NoMission: Story = {name: 'No mission matches', render: () => html`<volunteer-signup .dataSource=${none}></volunteer-signup>`};

export const SourceDown: Story = {name: 'The source cannot be reached', render: () => html`<volunteer-signup .dataSource=${failing}></volunteer-signup>`};

export const WrongSetting: Story = {name: 'A wrong setting', render: () => html`<volunteer-signup source="nowhere" src="/v1"></volunteer-signup>`};

export const ApplicationUrlOnly: Story = {
  name: "Sent to each mission's own page",
  render: () => html`<volunteer-signup .dataSource=${missions} application-url-only></volunteer-signup>`,
};

/** One mission's form at once, with a newsletter box in the association's words. */
export const Form: Story = {
  name: "One mission's signup (mission=…)",
  render: () => {
    storyAnswer = 'sent';
    return html`<volunteer-signup
      .dataSource=${missions}
      mission="mission-lyon-002"
      submit=${storySubmit}
      consent-newsletter="Je souhaite recevoir la lettre d'information de l'association."
    ></volunteer-signup>`;
  },
};

/** The form sent empty: every problem said next to its field, the first one focused. */
export const Invalid: Story = {
  name: 'Answers to correct',
  render: () => html`<volunteer-signup .dataSource=${missions} mission="mission-lyon-002" submit=${storySubmit}></volunteer-signup>`,
  play: async ({canvasElement}) => {
    const element = canvasElement.querySelector('volunteer-signup')!;
    for (let i = 0; i < 50 && !element.shadowRoot?.querySelector('[part=form]'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part=form] button[type=submit]')!.click();
  },
};

async function fillAndSend(canvasElement: HTMLElement) {
  const element = canvasElement.querySelector('volunteer-signup')!;
  for (let i = 0; i < 50 && !element.shadowRoot?.querySelector('[part=form]'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  const form = element.shadowRoot!.querySelector('[part=form]')!;
  form.querySelector<HTMLInputElement>('[name=name]')!.value = 'Camille Martin';
  form.querySelector<HTMLInputElement>('[name=email]')!.value = 'camille@example.org';
  form.querySelector<HTMLInputElement>('[name=consent-contact]')!.checked = true;
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

export const Sent: Story = {
  name: 'Signup sent',
  render: () => {
    storyAnswer = 'sent';
    return html`<volunteer-signup .dataSource=${missions} mission="mission-paris-001" submit=${storySubmit}></volunteer-signup>`;
  },
  play: ({canvasElement}) => fillAndSend(canvasElement),
};

/** The endpoint cannot be reached: the signup is kept on this device, and the visitor is told. */
export const Kept: Story = {
  name: 'Signup kept on the device (offline)',
  render: () => {
    storyAnswer = 'unreachable';
    return html`<volunteer-signup .dataSource=${missions} mission="mission-paris-001" submit=${storySubmit}></volunteer-signup>`;
  },
  play: ({canvasElement}) => fillAndSend(canvasElement),
};
