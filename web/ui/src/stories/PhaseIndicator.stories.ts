import type { Meta, StoryObj } from '@storybook/sveltekit';
import PhaseIndicator from '$lib/components/presenters/PhaseIndicator.svelte';
import { completedRun, failedRun, runningRun } from './fixtures';

const meta = {
  title: 'Presenters/PhaseIndicator',
  component: PhaseIndicator,
  args: { events: completedRun }
} satisfies Meta<typeof PhaseIndicator>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Completed: Story = {};
export const Running: Story = { args: { events: runningRun } };
export const Failed: Story = { args: { events: failedRun } };
export const NotStarted: Story = { args: { events: [] } };
