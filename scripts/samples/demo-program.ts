/**
 * The demo program, "Northwind partner program", written as data and serialised by
 * `generate.ts` to `resources/samples/demo.program.json`. Its time zone is America/New_York on
 * purpose: day boundaries, months and payout dates move with New York midnight and DST.
 */
import type { ProgramInput } from '../../engine/index';

type TriggerInput = NonNullable<ProgramInput['triggers']>[number];

const group = (g: string) => ({ object: 'partnership', field: 'group', op: 'equal_to', value: g }) as const;

/** transaction.created, in the recommended order: every reward first, the group moves last. */
const transactionTriggers: TriggerInput[] = [
  {
    id: 'bronze-sale',
    name: 'Bronze: $5 per sale',
    event: 'transaction.created',
    status: 'active',
    rules: { all: [group('bronze')] },
    action: { type: 'reward', offer: { description: 'Earn $5 for every sale you refer.', type: 'flat', amount: '5.00', currency: 'USD' } },
  },
  {
    id: 'silver-sale',
    name: 'Silver: $10 per sale',
    event: 'transaction.created',
    status: 'active',
    rules: { all: [group('silver')] },
    action: { type: 'reward', offer: { description: 'Earn $10 for every sale you refer.', type: 'flat', amount: '10.00', currency: 'USD' } },
  },
  {
    id: 'gold-commission',
    name: 'Gold: 12% commission',
    event: 'transaction.created',
    status: 'active',
    rules: { all: [group('gold'), { object: 'transaction', field: 'amount', op: 'greater_than', value: '0.00' }] },
    action: { type: 'reward', offer: { description: 'Earn 12% of every sale you refer, in the currency of the sale.', type: 'percentage', percent: '12' } },
  },
  {
    id: 'mature-partner-bonus',
    name: '10% for onboarded partners (90 days; mature customer or Enterprise)',
    event: 'transaction.created',
    status: 'active',
    rules: {
      all: [
        { object: 'partnership', field: 'joined_days', op: 'more_than_or_exactly', value: 90 },
        {
          any: [
            { object: 'customer', field: 'signed_up_days', op: 'more_than_or_exactly', value: 90 },
            { object: 'transaction', field: 'product_key', op: 'equal_to', value: 'enterprise' },
          ],
        },
      ],
    },
    action: {
      type: 'reward',
      offer: {
        description: 'After 90 days in the program: an extra 10% on sales to customers who have been with us 90 days, and on every Enterprise sale.',
        type: 'percentage',
        percent: '10',
      },
    },
  },
  {
    id: 'reseller-margin',
    name: 'Enterprise resellers: 15% on orders over $1,000, in 3 monthly instalments',
    event: 'transaction.created',
    status: 'active',
    rules: { all: [group('enterprise-resellers'), { object: 'transaction', field: 'amount', op: 'greater_than_or_equal_to', value: '1000.00' }] },
    action: {
      type: 'drip',
      offer: { description: '15% reseller margin on orders of $1,000 or more, paid in three monthly instalments starting 30 days after the sale.', type: 'percentage', percent: '15' },
      drip: { delay: { count: 30, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 3, split: true },
    },
  },
  {
    id: 'first-customers-bonus',
    name: '$20 for each of the first 3 paying customers',
    event: 'transaction.created',
    status: 'active',
    rules: {
      all: [
        { object: 'customer', field: 'has_paid', op: 'is', value: true },
        { object: 'customer', field: 'transaction_count', op: 'equal_to', value: 1 },
        { object: 'customer', field: 'paid_order', op: 'less_than_or_equal_to', value: 3 },
      ],
    },
    action: { type: 'reward', offer: { description: '$20 bonus for each of your first three customers to make a purchase.', type: 'flat', amount: '20.00', currency: 'USD' } },
  },
  {
    id: 'sales-milestone-10k',
    name: 'Milestone: referred sales pass $10,000',
    event: 'transaction.created',
    status: 'active',
    rules: { all: [{ object: 'partnership', field: 'transaction_amount_sum', op: 'becomes_greater_than', value: '10000.00' }] },
    action: { type: 'reward', offer: { description: 'A one-time $250 bonus when your referred sales pass $10,000.', type: 'flat', amount: '250.00', currency: 'USD' } },
  },
  {
    id: 'pro-annual-every-fifth',
    name: '$50 for every 5th Pro Annual sale',
    event: 'transaction.created',
    status: 'active',
    rules: {
      all: [
        {
          object: 'partnership',
          field: 'transaction_count',
          op: 'is_multiple_of',
          value: 5,
          filters: [
            { object: 'transaction', field: 'product_key', op: 'equal_to', value: 'pro-annual' },
            { object: 'transaction', field: 'amount', op: 'greater_than', value: '0.00' },
          ],
        },
        { object: 'transaction', field: 'product_key', op: 'equal_to', value: 'pro-annual' },
      ],
    },
    action: { type: 'reward', offer: { description: '$50 for every fifth Pro Annual plan you sell.', type: 'flat', amount: '50.00', currency: 'USD' } },
  },
  {
    id: 'europe-kicker',
    name: 'Europe launch: €5 per EUR/GBP sale from March',
    event: 'transaction.created',
    status: 'active',
    activatedAt: '2026-03-01T05:00:00Z',
    rules: {
      all: [
        { object: 'transaction', field: 'currency', op: 'is_in', value: ['EUR', 'GBP'] },
        { object: 'transaction', field: 'created_date', op: 'after_or_exactly', value: '2026-03-01' },
        { object: 'transaction', field: 'amount', op: 'greater_than', value: '0.00' },
      ],
    },
    action: { type: 'reward', offer: { description: 'Europe launch: an extra €5 for every sale made in euros or pounds.', type: 'flat', amount: '5.00', currency: 'EUR' } },
  },
  {
    id: 'tag-high-value',
    name: 'Tag partners who close a sale over $2,000',
    event: 'transaction.created',
    status: 'active',
    rules: { all: [{ object: 'transaction', field: 'amount', op: 'greater_than', value: '2000.00' }] },
    action: { type: 'apply_tag', tag: 'high-value' },
  },
  {
    id: 'yen-launch',
    name: 'Japan launch: ¥500 per JPY sale (draft)',
    event: 'transaction.created',
    status: 'draft',
    rules: { all: [{ object: 'transaction', field: 'currency', op: 'equal_to', value: 'JPY' }] },
    action: { type: 'reward', offer: { description: 'Japan launch: ¥500 for every sale made in yen.', type: 'flat', amount: '500', currency: 'JPY' } },
  },
  {
    id: 'holiday-promo-2025',
    name: 'Holiday 2025: 5% on December sales (ended)',
    event: 'transaction.created',
    status: 'inactive',
    rules: { all: [{ object: 'transaction', field: 'created_date', op: 'before', value: '2026-01-01' }] },
    action: { type: 'reward', offer: { description: 'Holiday special: 5% on every sale made in December.', type: 'percentage', percent: '5' } },
  },
  {
    id: 'move-bronze-to-silver',
    name: 'Group move: Bronze → Silver at 5 sales',
    event: 'transaction.created',
    status: 'active',
    rules: { all: [group('bronze'), { object: 'partnership', field: 'transaction_count', op: 'reaches_or_exceeds', value: 5 }] },
    action: { type: 'change_group', group: 'silver' },
  },
  {
    id: 'move-silver-to-gold',
    name: 'Group move: Silver → Gold at $5,000 of sales',
    event: 'transaction.created',
    status: 'active',
    rules: { all: [group('silver'), { object: 'partnership', field: 'transaction_amount_sum', op: 'reaches_or_exceeds', value: '5000.00' }] },
    action: { type: 'change_group', group: 'gold' },
  },
];

const otherTriggers: TriggerInput[] = [
  {
    id: 'certified-customer-drip',
    name: 'Certified partners: $10 a month for 3 months per new customer',
    event: 'customer.created',
    status: 'active',
    rules: { all: [{ object: 'partnership', field: 'tag', op: 'is_in', value: ['certified', 'top-partner'] }] },
    action: {
      type: 'drip',
      offer: { description: 'Certified partners earn $10 a month for three months for every new customer they bring.', type: 'flat', amount: '10.00', currency: 'USD' },
      drip: { delay: { count: 0, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 3, split: false },
    },
  },
  {
    id: 'tag-top-partner',
    name: 'Tag partners with 25 customers as top partners',
    event: 'customer.created',
    status: 'active',
    rules: { all: [{ object: 'partnership', field: 'customer_count', op: 'reaches_or_exceeds', value: 25 }] },
    action: { type: 'apply_tag', tag: 'top-partner' },
  },
  {
    id: 'click-bonus',
    name: '$5 per new customer for partners with 1,000 clicks (draft)',
    event: 'customer.created',
    status: 'draft',
    rules: { all: [{ object: 'partnership', field: 'link_click_sum', op: 'greater_than_or_equal_to', value: 1000 }] },
    action: { type: 'reward', offer: { description: 'Once your links reach 1,000 clicks: $5 for every new customer.', type: 'flat', amount: '5.00', currency: 'USD' } },
  },
  {
    id: 'fast-onboarding',
    name: '$15 when a customer completes onboarding within 30 days',
    event: 'action.created',
    status: 'active',
    rules: {
      all: [
        { object: 'action', field: 'action_key', op: 'equal_to', value: 'onboarding_completed' },
        { object: 'customer', field: 'signed_up_days', op: 'less_than', value: 30 },
      ],
    },
    action: { type: 'reward', offer: { description: '$15 when a customer you referred completes onboarding within 30 days of signing up.', type: 'flat', amount: '15.00', currency: 'USD' } },
  },
  {
    id: 'demo-value-bonus',
    name: '$100 when booked demos reach $500 of value',
    event: 'action.created',
    status: 'active',
    rules: {
      all: [
        {
          object: 'partnership',
          field: 'action_value_sum',
          op: 'reaches_or_exceeds',
          value: '500.00',
          filters: [{ object: 'action', field: 'action_key', op: 'equal_to', value: 'demo_booked' }],
        },
      ],
    },
    action: { type: 'reward', offer: { description: 'A one-time $100 bonus once the demos your customers book are worth $500.', type: 'flat', amount: '100.00', currency: 'USD' } },
  },
  {
    id: 'big-deal-won',
    name: '$300 per closed-won deal of $5,000 or more',
    event: 'deal.stage_changed',
    status: 'active',
    rules: {
      all: [
        { object: 'deal', field: 'stage', op: 'equal_to', value: 'closed_won' },
        { object: 'deal', field: 'amount', op: 'greater_than_or_equal_to', value: '5000.00' },
      ],
    },
    action: { type: 'reward', offer: { description: '$300 for every deal of $5,000 or more that you help us close.', type: 'flat', amount: '300.00', currency: 'USD' } },
  },
  {
    id: 'tag-deal-closer',
    name: 'Tag partners with 3 won deals',
    event: 'deal.stage_changed',
    status: 'active',
    rules: {
      all: [
        {
          object: 'partnership',
          field: 'deal_count',
          op: 'reaches_or_exceeds',
          value: 3,
          filters: [{ object: 'deal', field: 'stage', op: 'equal_to', value: 'closed_won' }],
        },
      ],
    },
    action: { type: 'apply_tag', tag: 'deal-closer' },
  },
  {
    id: 'qualified-lead',
    name: '$20 per qualified lead (Plus and Premier)',
    event: 'lead.qualified',
    status: 'active',
    rules: { all: [{ object: 'partnership', field: 'tier', op: 'is_in', value: ['plus', 'premier'] }] },
    action: { type: 'reward', offer: { description: 'Plus and Premier partners earn $20 for every lead we qualify.', type: 'flat', amount: '20.00', currency: 'USD' } },
  },
  {
    id: 'lead-won',
    name: '$75 per won lead submitted from February',
    event: 'lead.closed',
    status: 'active',
    rules: {
      all: [
        { object: 'lead', field: 'stage', op: 'equal_to', value: 'won' },
        { object: 'lead', field: 'submitted_date', op: 'after_or_exactly', value: '2026-02-01' },
      ],
    },
    action: { type: 'reward', offer: { description: '$75 for every lead you submitted from February that becomes a customer.', type: 'flat', amount: '75.00', currency: 'USD' } },
  },
  {
    id: 'gold-welcome',
    name: 'Welcome to Gold: $150 bonus',
    event: 'partner.joined_group',
    status: 'active',
    rules: { all: [group('gold')] },
    action: { type: 'reward', offer: { description: 'Welcome to Gold: a $150 bonus the day you join.', type: 'flat', amount: '150.00', currency: 'USD' } },
  },
];

function partner(key: string, name: string, group: string, tier: string | null, tags: string[], joinedAt: string) {
  return { key, name, group, tier, tags, joinedAt };
}

export const DEMO_PROGRAM: ProgramInput = {
  format: 'offerflow.program/1',
  name: 'Northwind partner program',
  timeZone: 'America/New_York',
  fxRates: { EUR: '1.08', GBP: '1.27', JPY: '0.0067', KWD: '3.25' },
  groups: [
    { key: 'bronze', name: 'Bronze' },
    { key: 'silver', name: 'Silver' },
    { key: 'gold', name: 'Gold' },
    { key: 'enterprise-resellers', name: 'Enterprise resellers' },
  ],
  tiers: [
    { key: 'standard', name: 'Standard' },
    { key: 'plus', name: 'Plus' },
    { key: 'premier', name: 'Premier' },
  ],
  tags: [
    { key: 'certified', name: 'Certified' },
    { key: 'early-adopter', name: 'Early adopter' },
    { key: 'high-value', name: 'High value' },
    { key: 'top-partner', name: 'Top partner' },
    { key: 'deal-closer', name: 'Deal closer' },
  ],
  partners: [
    partner('ben', 'Ben Carter Referrals', 'bronze', 'standard', [], '2026-01-05T15:00:00Z'),
    partner('olga', 'Olga Petrova Consulting', 'enterprise-resellers', 'premier', ['early-adopter'], '2025-08-15T14:00:00Z'),
    partner('gina', 'Gina Alvarez Media', 'silver', 'plus', [], '2025-11-20T17:00:00Z'),
    partner('hugo', 'Hugo Lindqvist Partners', 'gold', 'premier', [], '2026-01-10T16:00:00Z'),
    partner('dana', 'Dana Okafor Advisory', 'silver', 'plus', [], '2026-01-15T15:30:00Z'),
    partner('cara', 'Cara Nguyen Studio', 'bronze', 'standard', ['certified'], '2026-01-20T14:00:00Z'),
    partner('erik', 'Erik Johansson Resellers', 'enterprise-resellers', 'premier', [], '2026-01-08T13:00:00Z'),
    partner('acme-agency', 'Acme Growth Agency', 'bronze', 'standard', [], '2025-10-01T13:00:00Z'),
    partner('brightpath', 'Brightpath Marketing', 'silver', 'plus', ['certified'], '2025-09-12T15:00:00Z'),
    partner('cobalt', 'Cobalt Consulting Group', 'gold', 'premier', ['certified', 'early-adopter'], '2025-06-02T13:00:00Z'),
    partner('delta-digital', 'Delta Digital', 'bronze', null, [], '2026-02-03T18:00:00Z'),
    partner('evergreen', 'Evergreen IT Resellers', 'enterprise-resellers', 'premier', ['certified'], '2025-07-21T13:00:00Z'),
    partner('fjord-labs', 'Fjord Labs', 'silver', 'standard', ['early-adopter'], '2025-12-01T14:00:00Z'),
  ],
  triggers: [...transactionTriggers, ...otherTriggers],
  evaluationOrder: {
    'transaction.created': transactionTriggers.map((t) => t.id),
  },
};
