import type { Meta, StoryObj } from '@storybook/sveltekit';
import UserTable from '$lib/components/presenters/UserTable.svelte';
import { users } from './fixtures';

const meta = {
  title: 'Presenters/UserTable',
  component: UserTable,
  args: { users, busy: false, error: null, onCreate: () => {}, onRateLimit: () => {} }
} satisfies Meta<typeof UserTable>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Users: Story = {};
export const NameTaken: Story = { args: { error: 'a user named dana exists' } };
export const Loading: Story = { args: { users: [], busy: true } };
