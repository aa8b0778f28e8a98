import type { Meta, StoryObj } from '@storybook/sveltekit';
import WorkspaceSwitcher from '$lib/components/presenters/WorkspaceSwitcher.svelte';
import { workspaces } from './fixtures';

const meta = {
  title: 'Presenters/WorkspaceSwitcher',
  component: WorkspaceSwitcher,
  args: { workspaces, currentId: workspaces[0].id, onSwitch: () => {} }
} satisfies Meta<typeof WorkspaceSwitcher>;
export default meta;
type Story = StoryObj<typeof meta>;

export const TwoWorkspaces: Story = {};
