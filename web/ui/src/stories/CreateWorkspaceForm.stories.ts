import type { Meta, StoryObj } from '@storybook/sveltekit';
import CreateWorkspaceForm from '$lib/components/presenters/CreateWorkspaceForm.svelte';

const meta = {
  title: 'Presenters/CreateWorkspaceForm',
  component: CreateWorkspaceForm,
  args: { busy: false, error: null, onCreate: () => {} }
} satisfies Meta<typeof CreateWorkspaceForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const NameTaken: Story = { args: { error: 'a workspace named research exists' } };
