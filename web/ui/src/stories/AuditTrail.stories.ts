import type { Meta, StoryObj } from '@storybook/sveltekit';
import AuditTrail from '$lib/components/presenters/AuditTrail.svelte';
import { auditEvents } from './fixtures';

const meta = {
  title: 'Presenters/AuditTrail',
  component: AuditTrail,
  args: { items: auditEvents, nextAfter: null, filter: {}, loaded: true, busy: false, error: null, onSearch: () => {}, onMore: () => {} }
} satisfies Meta<typeof AuditTrail>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Trail: Story = {};
export const MorePages: Story = { args: { nextAfter: 4150 } };
export const Filtered: Story = { args: { items: auditEvents.slice(0, 2), filter: { aggregateId: auditEvents[0].aggregateId } } };
export const NothingMatches: Story = { args: { items: [], filter: { type: 'RunCancelledEvent' } } };
export const BadFilter: Story = { args: { items: [], error: 'Invalid parameter (/query/from: not an RFC 3339 date-time)' } };
