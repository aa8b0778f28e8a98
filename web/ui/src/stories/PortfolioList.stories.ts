import type { Meta, StoryObj } from '@storybook/sveltekit';
import PortfolioList from '$lib/components/presenters/PortfolioList.svelte';
import { portfolio } from './fixtures';

const meta = {
  title: 'Presenters/PortfolioList',
  component: PortfolioList,
  args: { items: portfolio, loading: false, error: null }
} satisfies Meta<typeof PortfolioList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithItems: Story = {};
export const Empty: Story = { args: { items: [] } };
export const Loading: Story = { args: { items: [], loading: true } };
export const Failed: Story = { args: { items: [], error: 'cannot reach ATLAS: connection refused' } };
