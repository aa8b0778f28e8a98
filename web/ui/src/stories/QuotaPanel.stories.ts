import type { Meta, StoryObj } from '@storybook/sveltekit';
import QuotaPanel from '$lib/components/presenters/QuotaPanel.svelte';
import { workspaceQuotas } from './fixtures';

const meta = {
  title: 'Presenters/QuotaPanel',
  component: QuotaPanel,
  args: { quotas: workspaceQuotas.quotas, day: workspaceQuotas.day, loading: false, error: null }
} satisfies Meta<typeof QuotaPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const InUse: Story = {};
export const AtTheLimit: Story = {
  args: { quotas: workspaceQuotas.quotas.map((q) => (q.used === null ? q : { ...q, used: q.limit })) }
};
export const Loading: Story = { args: { quotas: [], loading: true } };
export const Failed: Story = { args: { quotas: [], error: 'no workspace 5b0c2f4e-8a61-4c55-9d4f-1f0a3c2e7b10' } };
