import type { Meta, StoryObj } from '@storybook/sveltekit';
import PackageInfo from '$lib/components/presenters/PackageInfo.svelte';
import { minimalManifest, packArtifact, signedManifest } from './fixtures';

const meta = {
  title: 'Presenters/PackageInfo',
  component: PackageInfo,
  args: { manifest: signedManifest, downloadUrl: `/v1/runs/${signedManifest.runId ?? 'run'}/package` }
} satisfies Meta<typeof PackageInfo>;
export default meta;
type Story = StoryObj<typeof meta>;

/** An hsp/1 package of the best-ranked candidate, signed. */
export const Signed: Story = {};
/** Mock mode's pack event. */
export const MockRun: Story = { args: { manifest: packArtifact.manifest, downloadUrl: packArtifact.downloadUrl } };
export const UnsignedNoDownload: Story = { args: { manifest: minimalManifest, downloadUrl: null } };
