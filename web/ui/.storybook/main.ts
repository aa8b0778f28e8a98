import type { StorybookConfig } from '@storybook/sveltekit';

/** Presenters only: they take props, so every state can be shown from fixtures without a server. */
const config: StorybookConfig = {
  stories: ['../src/stories/**/*.stories.ts'],
  framework: { name: '@storybook/sveltekit', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true }
};

export default config;
