import type { Meta, StoryObj } from '@storybook/sveltekit';
import UsageChart from '$lib/components/presenters/UsageChart.svelte';
import { usageReport } from './fixtures';

const meta = {
  title: 'Presenters/UsageChart',
  component: UsageChart,
  args: { report: usageReport, loading: false, error: null }
} satisfies Meta<typeof UsageChart>;
export default meta;
type Story = StoryObj<typeof meta>;

export const December: Story = {};
export const NothingUsed: Story = { args: { report: { ...usageReport, lines: [], days: [] } } };
export const Loading: Story = { args: { report: null, loading: true } };
export const ForAdminsOnly: Story = { args: { report: null, error: 'you may not do this' } };
