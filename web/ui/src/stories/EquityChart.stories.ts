import type { Meta, StoryObj } from '@storybook/sveltekit';
import EquityChart from '$lib/components/presenters/EquityChart.svelte';
import { engineDetail, results } from './fixtures';

const meta = {
  title: 'Presenters/EquityChart',
  component: EquityChart,
  args: { equity: engineDetail.equity, band: engineDetail.band, bandPaths: 200, label: 'SMA 20/50 crossover' }
} satisfies Meta<typeof EquityChart>;
export default meta;
type Story = StoryObj<typeof meta>;

/** An engine result: the curve with its Monte Carlo p5/p50/p95 band. */
export const WithBand: Story = {};
/** A mock-mode result: no band. */
export const NoBand: Story = { args: { equity: results[0]?.equity ?? [{ t: 0, v: 100_000 }], band: null, bandPaths: null } };
