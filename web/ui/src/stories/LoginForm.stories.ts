import type { Meta, StoryObj } from '@storybook/sveltekit';
import LoginForm from '$lib/components/presenters/LoginForm.svelte';

const meta = {
  title: 'Presenters/LoginForm',
  component: LoginForm,
  args: { busy: false, error: null, onSubmit: () => {} }
} satisfies Meta<typeof LoginForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const SigningIn: Story = { args: { busy: true } };
export const Refused: Story = { args: { error: 'unknown username or wrong password' } };
export const Throttled: Story = { args: { error: 'too many failed logins for this user; try again in 4 s' } };
