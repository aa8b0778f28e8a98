import type { Meta, StoryObj } from '@storybook/sveltekit';
import MemberTable from '$lib/components/presenters/MemberTable.svelte';
import { members, workspaces, MOCK_USER } from './fixtures';

const meta = {
  title: 'Presenters/MemberTable',
  component: MemberTable,
  args: { members: members[workspaces[0].id], canManage: true, you: MOCK_USER, busy: false, error: null,
    onSetRole: () => {}, onRemove: () => {} }
} satisfies Meta<typeof MemberTable>;
export default meta;
type Story = StoryObj<typeof meta>;

export const AsAdmin: Story = {};
export const AsViewer: Story = { args: { canManage: false } };
export const LastAdminRefused: Story = { args: { error: 'the last admin of a workspace cannot step down: make another member admin first' } };
export const Loading: Story = { args: { members: [], busy: true } };
