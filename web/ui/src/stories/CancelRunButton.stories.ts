import type { Meta, StoryObj } from '@storybook/sveltekit';
import CancelRunButton from '$lib/components/presenters/CancelRunButton.svelte';

const meta = {
  title: 'Presenters/CancelRunButton',
  component: CancelRunButton,
  args: { busy: false, onCancel: () => {} }
} satisfies Meta<typeof CancelRunButton>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Ready: Story = {};
export const Cancelling: Story = { args: { busy: true } };
