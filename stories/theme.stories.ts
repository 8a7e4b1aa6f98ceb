import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../demo/theme-preview.js';

/**
 * The theme tokens at work. Switch "Theme" and "Locale" in the toolbar: the tokens are page-level
 * `--lien-*` custom properties, the texts follow `<html lang>`.
 */
const meta: Meta = {
  title: 'Foundation/Theme tokens',
  tags: ['autodocs'],
  render: () => html`<lien-theme-preview></lien-theme-preview>`,
};
export default meta;

export const Preview: StoryObj = {};

export const PerElementOverride: StoryObj = {
  name: 'Overridden on one element',
  render: () =>
    html`<lien-theme-preview style="--lien-color-primary: #a4262c; --lien-radius: 0"></lien-theme-preview>`,
};
