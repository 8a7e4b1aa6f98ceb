/**
 * Association themes used by the Storybook toolbar and the demo: each is only the page's colour scheme and a
 * set of page-level `--lien-*` tokens, which is all a site needs to theme every element. The scheme is what
 * picks the elements' light or dark defaults (`color-scheme` on the page, see README "Theme tokens").
 */
export const themes = {
  default: {title: 'Lien default', scheme: 'light', page: '#ffffff', tokens: {} as Record<string, string>},
  solidarite: {
    title: 'Solidarité Lorient (green)',
    scheme: 'light',
    page: '#f7faf5',
    tokens: {
      '--lien-color-primary': '#2f6b2f',
      '--lien-color-on-primary': '#ffffff',
      '--lien-color-surface': '#ffffff',
      '--lien-color-surface-alt': '#eef5ea',
      '--lien-color-text': '#1d2a1d',
      '--lien-font-family': 'Georgia, "Times New Roman", serif',
      '--lien-radius': '0.25rem',
    },
  },
  signes: {
    title: 'Les Mains qui Parlent (violet)',
    scheme: 'light',
    page: '#fbf8ff',
    tokens: {
      '--lien-color-primary': '#5b2a86',
      '--lien-color-on-primary': '#ffffff',
      '--lien-color-surface': '#ffffff',
      '--lien-color-surface-alt': '#f3ecfa',
      '--lien-color-text': '#241533',
      '--lien-font-family': '"Trebuchet MS", Verdana, sans-serif',
      '--lien-radius': '1rem',
      '--lien-spacing': '1rem',
    },
  },
  dark: {
    title: 'Dark',
    scheme: 'dark',
    page: '#0f1318',
    tokens: {
      '--lien-color-primary': '#8cc1f2',
      '--lien-color-on-primary': '#0c1d2e',
      '--lien-color-surface': '#161b21',
      '--lien-color-surface-alt': '#222a33',
      '--lien-color-text': '#e9eef3',
      '--lien-color-muted': '#b3c0cc',
      '--lien-color-border': '#6b7a89',
      '--lien-color-danger': '#ffb3ad',
      '--lien-color-success': '#8fd9a4',
      '--lien-color-focus': '#ffb870',
      '--lien-font-family': 'system-ui, sans-serif',
      '--lien-radius': '0.5rem',
      '--lien-spacing': '0.75rem',
    } as Record<string, string>,
  },
};
