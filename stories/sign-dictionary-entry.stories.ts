import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {LienError} from '@lien/core';
import type {SignEntry} from '@lien/open-data/signs.js';
import '../packages/sign-dictionary-entry/src/define.js';
import type {SignDataSource} from '../packages/sign-dictionary-entry/src/index.js';
// Real Lingua Libre records of French Sign Language, credited (packages/gateway/sample-data/README.md).
import excerpt from '../packages/gateway/sample-data/lingualibre-fsl-excerpt.json';

/**
 * `<sign-dictionary-entry>`: a word's sign-language videos with the learner's player, its meanings and its credits.
 * The stories give the entries through `dataSource`, from real Lingua Libre records; their videos stay on Wikimedia
 * Commons. Switch "Locale" in the toolbar for French.
 */
const meta: Meta = {title: 'Elements/sign-dictionary-entry', component: 'sign-dictionary-entry', tags: ['autodocs']};
export default meta;

type Story = StoryObj;

interface Record {
  gloss: string;
  signer: string;
  license: string;
  licenseUrl: string;
  attributionRequired: boolean;
  descriptionUrl: string;
  videoUrl: string;
  fileTitle: string;
}

/** The word's records as Lien's model, as the gateway's import writes them. */
function entry(word: string): SignEntry {
  const records = (excerpt.signs as Record[]).filter((r) => r.gloss.toLowerCase() === word);
  return {
    word,
    lang: 'fsl',
    senses: word === 'accueil' ? [{definition: 'Manière de recevoir quelqu’un ; lieu où l’on reçoit.', source: 'Lien sample (CC0)'}] : [],
    videos: records.map((r) => ({
      url: r.videoUrl,
      signer: r.signer,
      licence: r.license,
      licenceUrl: r.licenseUrl,
      attribution: r.attributionRequired ? `${r.signer}, ${r.license}, via Wikimedia Commons` : undefined,
      source: 'Lingua Libre',
      pageUrl: r.descriptionUrl,
      variant: /\(([^)]+)\)\.webm$/.exec(r.fileTitle)?.[1],
    })),
  };
}

const from = (value: SignEntry | undefined, withoutLicence = 0): SignDataSource => ({load: async () => ({entry: value, withoutLicence})});
const failing: SignDataSource = {
  load: async () => {
    throw new LienError('rate-limited', 'Too many requests (429)', {status: 429, retryAfter: 30});
  },
};

export const Entry: Story = {name: 'A word with its videos', render: () => html`<sign-dictionary-entry word="accueil" .dataSource=${from(entry('accueil'))}></sign-dictionary-entry>`};

export const Slow: Story = {
  name: 'At 0.5×, looping, mirrored',
  render: () => html`<sign-dictionary-entry word="acheter" speed="0.5" loop mirror .dataSource=${from(entry('acheter'))}></sign-dictionary-entry>`,
};

export const Unknown: Story = {name: 'No sign recorded yet', render: () => html`<sign-dictionary-entry word="inconnu" .dataSource=${from(undefined)}></sign-dictionary-entry>`};

export const NoLicence: Story = {
  name: 'A video without a readable licence',
  render: () => html`<sign-dictionary-entry word="merci" .dataSource=${from({word: 'merci', lang: 'fsl', senses: [], videos: []}, 1)}></sign-dictionary-entry>`,
};

export const SourceBusy: Story = {name: 'The source is busy (429)', render: () => html`<sign-dictionary-entry word="accueil" .dataSource=${failing}></sign-dictionary-entry>`};

export const LinguaLibreBlocked: Story = {
  name: 'Lingua Libre not reached from the page',
  render: () => html`<sign-dictionary-entry word="lapin" source="lingualibre"></sign-dictionary-entry>`,
};

export const FilesMissing: Story = {
  name: 'Videos whose files are missing or are not videos',
  render: () => html`<sign-dictionary-entry word="accueil" .dataSource=${{load: async () => ({entry: entry('accueil'), withoutLicence: 0, unplayable: 2})}}></sign-dictionary-entry>`,
};

export const Unplayable: Story = {
  name: 'A video the browser cannot play',
  render: () => {
    const broken = {...entry('accueil'), videos: [{...entry('accueil').videos[0]!, url: 'https://upload.wikimedia.org/wikipedia/commons/0/00/Missing.webm'}]};
    return html`<sign-dictionary-entry word="accueil" .dataSource=${from(broken)}></sign-dictionary-entry>`;
  },
};

export const HowItIsMade: Story = {
  name: 'How the sign is made (Signbank: handshapes, location)',
  render: () => {
    const made = entry('accueil');
    made.videos = made.videos.map((v) => ({...v, form: {strongHand: 'B', weakHand: 'B', location: 'Neutral space', handedness: '2s'}}));
    return html`<sign-dictionary-entry word="accueil" .dataSource=${from(made)}></sign-dictionary-entry>`;
  },
};

export const FromWikidata: Story = {
  name: 'From Wikidata (P2919)',
  render: () => html`<sign-dictionary-entry word="bonjour" source="wikidata"></sign-dictionary-entry>`,
};
