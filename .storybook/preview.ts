import type {Preview} from '@storybook/web-components-vite';
import {setCustomElementsManifest} from '@storybook/web-components';
import {setLocale} from '@lien/core';
import manifest from '../custom-elements.json';
import {themes} from '../stories/themes.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the elements (follows <html lang>)',
      toolbar: {title: 'Locale', icon: 'globe', items: [{value: 'en', title: 'English'}, {value: 'fr', title: 'Français'}], dynamicTitle: true},
    },
    theme: {
      description: 'Association theme (page-level --lien-* tokens)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.entries(themes).map(([value, theme]) => ({value, title: theme.title})),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {locale: 'en', theme: 'default'},
  decorators: [
    (story, context) => {
      const lang = context.globals.locale ?? 'en';
      document.documentElement.lang = lang;
      void setLocale(lang);
      const theme = themes[context.globals.theme as keyof typeof themes] ?? themes.default;
      const root = document.documentElement;
      for (const name of Object.keys(themes.dark.tokens)) root.style.removeProperty(name);
      for (const [name, value] of Object.entries(theme.tokens)) root.style.setProperty(name, value);
      root.style.colorScheme = theme.scheme;
      document.body.style.background = theme.page;
      return story();
    },
  ],
  parameters: {
    controls: {expanded: true},
  },
};
export default preview;
