import type { Meta, StoryObj } from '@storybook/sveltekit';
import ChatBox from '$lib/components/presenters/ChatBox.svelte';

const meta = {
  title: 'Presenters/ChatBox',
  component: ChatBox,
  args: { busy: false, error: null, onSubmit: () => {} }
} satisfies Meta<typeof ChatBox>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {};
export const Starting: Story = { args: { busy: true } };
export const Rejected: Story = { args: { error: 'Request body is invalid: /prompt must not be empty' } };
