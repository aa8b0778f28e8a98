import type { Meta, StoryObj } from '@storybook/sveltekit';
import MetricsPanel from '$lib/components/presenters/MetricsPanel.svelte';
import { inlineDetail } from '$lib/t0';
import type { DetailState } from '$lib/types';
import {
  candidates, engineDetail, engineDetailReady, engineRanking, engineResults, engineRunId, engineScenarios, engineT0, mockDetail, ranking,
  results, scenarios
} from './fixtures';

const second = results[1];
const secondDetail = second ? inlineDetail(second) : null;

const meta = {
  title: 'Presenters/MetricsPanel',
  component: MetricsPanel,
  args: {
    candidates, results, ranking, scenarios, scoring: null, selectedId: null, selectedScenario: null, detail: mockDetail,
    savingId: null, savedIds: [], packageUrlFor: null, onSelect: () => {}, onSelectScenario: () => {}, onSave: () => {}, onRetry: () => {}
  }
} satisfies Meta<typeof MetricsPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Mock mode: one scenario, the curve inline, no Monte Carlo band. */
export const FirstSelected: Story = {};
export const SecondSelected: Story = {
  args: { selectedId: second?.candidateId ?? null, detail: secondDetail ? { state: 'ready', detail: secondDetail } : null }
};
export const Saving: Story = { args: { savingId: candidates[0]?.id ?? null } };
export const Saved: Story = { args: { savedIds: [candidates[0]?.id ?? ''] } };

const engine = {
  results: engineResults, ranking: engineRanking, scenarios: engineScenarios, scoring: engineT0.scoring ?? null,
  detail: engineDetailReady, packageUrlFor: (id: string) => `/v1/runs/${engineRunId}/package?candidate=${encodeURIComponent(id)}`
};
/** The engine: ranked candidates on several scenarios, the detail with its Monte Carlo band. */
export const EngineRanked: Story = { args: engine };
export const EngineSecondScenario: Story = {
  args: {
    ...engine, selectedScenario: engineScenarios[1]?.id ?? null,
    detail: { state: 'ready', detail: { ...engineDetail, scenarioId: engineScenarios[1]?.id ?? engineDetail.scenarioId } }
  }
};
const loading: DetailState = { state: 'loading' };
export const DetailLoading: Story = { args: { ...engine, detail: loading } };
const failed: DetailState = {
  state: 'error', httpStatus: 404,
  message: 'run 9b2f4e61-0c3a-4d7b-8e15-6a9c2d4f7b30 has no backtests yet (its t0 phase has not finished)'
};
export const DetailFailed: Story = { args: { ...engine, detail: failed } };
