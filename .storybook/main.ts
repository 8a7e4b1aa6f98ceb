import type {StorybookConfig} from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: {name: '@storybook/web-components-vite', options: {}},
  core: {disableTelemetry: true},
  async viteFinal(config) {
    // Read the packages' TypeScript sources, as the tests and the CDN build do.
    const {defaultClientConditions} = await import('vite');
    config.resolve ??= {};
    config.resolve.conditions = ['lien-source', ...defaultClientConditions];
    return config;
  },
};
export default config;
