/**
 * "New trigger from template": the seed's examples as editable drafts. Group keys come from
 * the program (its first two groups stand for Bronze and Silver) so a template is valid there.
 */
import type { Program, Rule, Trigger } from '@engine/formats/program-schema';

export interface TriggerTemplate {
  id: string;
  label: string;
  build: (program: Program) => Omit<Trigger, 'id'>;
}

const days = (object: Rule['object'], field: string, value: number): Rule => ({ object, field, op: 'more_than_or_exactly', value });

export const TEMPLATES: readonly TriggerTemplate[] = [
  {
    id: 'and-or-10',
    label: '10% for mature partners (AND / OR)',
    build: () => ({
      name: '10% for partners of 90 days (mature customer or Enterprise)',
      event: 'transaction.created',
      status: 'draft',
      rules: { all: [days('partnership', 'joined_days', 90), { any: [days('customer', 'signed_up_days', 90), { object: 'transaction', field: 'product_key', op: 'equal_to', value: 'enterprise' }] }] },
      action: { type: 'reward', offer: { description: '10% of every sale', type: 'percentage', percent: '10' } },
    }),
  },
  {
    id: 'group-move',
    label: 'Bronze → Silver group move at 5 sales',
    build: (program) => {
      const from = program.groups[0];
      const to = program.groups[1] ?? program.groups[0];
      return {
        name: `Group move: ${from?.name ?? 'Bronze'} → ${to?.name ?? 'Silver'} at 5 sales`,
        event: 'transaction.created',
        status: 'draft',
        rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: from?.key ?? 'bronze' }, { object: 'partnership', field: 'transaction_count', op: 'reaches_or_exceeds', value: 5 }] },
        action: { type: 'change_group', group: to?.key ?? 'silver' },
      };
    },
  },
  {
    id: 'first-10',
    label: '$50 for the first 10 sales',
    build: () => ({
      name: '$50 for your first 10 sales',
      event: 'transaction.created',
      status: 'draft',
      rules: { all: [{ object: 'partnership', field: 'transaction_count', op: 'less_than_or_equal_to', value: 10 }] },
      action: { type: 'reward', offer: { description: '$50 for your first 10 sales', type: 'flat', amount: '50.00', currency: 'USD' } },
    }),
  },
  {
    id: 'monthly-drip',
    label: 'Monthly drip: $10 a month for 12 months',
    build: () => ({
      name: 'Drip: $10 a month for 12 months per new customer',
      event: 'customer.created',
      status: 'draft',
      rules: { all: [days('partnership', 'joined_days', 30)] },
      action: {
        type: 'drip',
        offer: { description: '$10 a month for 12 months for each new customer', type: 'flat', amount: '10.00', currency: 'USD' },
        drip: { delay: { count: 1, unit: 'month' }, cycle: { count: 1, unit: 'month' }, occurrences: 12, split: false },
      },
    }),
  },
];
