import type { Meta, StoryObj } from '@storybook/sveltekit';
import MetricsPanel from '$lib/components/presenters/MetricsPanel.svelte';
import { candidates, results } from './fixtures';

const meta = {
  title: 'Presenters/MetricsPanel',
  component: MetricsPanel,
  args: { candidates, results, selectedId: null, savingId: null, savedIds: [], onSelect: () => {}, onSave: () => {} }
} satisfies Meta<typeof MetricsPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const FirstSelected: Story = {};
export const SecondSelected: Story = { args: { selectedId: results[1]?.candidateId ?? null } };
export const Saving: Story = { args: { savingId: candidates[0]?.id ?? null } };
export const Saved: Story = { args: { savedIds: [candidates[0]?.id ?? ''] } };
