import type { Meta, StoryObj } from '@storybook/sveltekit';
import ApiKeyList from '$lib/components/presenters/ApiKeyList.svelte';
import { keys } from './fixtures';

const meta = {
  title: 'Presenters/ApiKeyList',
  component: ApiKeyList,
  args: { keys, issued: null, busy: false, error: null, onCreate: () => {}, onRevoke: () => {}, onRotate: () => {}, onDismiss: () => {} }
} satisfies Meta<typeof ApiKeyList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Keys: Story = {};
export const JustIssued: Story = {
  args: { issued: { ...keys[0], id: 'freshkey2345', name: 'notebook', key: `atlas_freshkey2345_${'x7Q'.repeat(12)}ab` } }
};
export const None: Story = { args: { keys: [] } };
export const TooMany: Story = { args: { error: 'at most 50 API keys may be in force per user: revoke one first' } };
