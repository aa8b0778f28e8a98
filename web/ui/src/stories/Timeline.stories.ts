import type { Meta, StoryObj } from '@storybook/sveltekit';
import Timeline from '$lib/components/presenters/Timeline.svelte';
import { completedRun, failedRun, runningRun } from './fixtures';

const meta = {
  title: 'Presenters/Timeline',
  component: Timeline,
  args: { events: completedRun }
} satisfies Meta<typeof Timeline>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Completed: Story = {};
export const Running: Story = { args: { events: runningRun } };
export const Failed: Story = { args: { events: failedRun } };
export const Empty: Story = { args: { events: [] } };
