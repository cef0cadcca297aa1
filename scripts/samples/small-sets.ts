/**
 * Two small event sets whose expectations are entirely hand-derived (every reward listed,
 * `exactRewards` left at its default, true): currencies and rejections.
 */
import { action, clicks, customer, deal, groupChanged, lead, partnerCreated, reward, transaction, type Ev, type Expect } from './events';

export interface SmallSet {
  name: string;
  events: Ev[];
  expect: Expect;
}

/**
 * A new Gold partner (12% in the currency of the sale) selling in JPY (0 decimals), KWD (3),
 * EUR and GBP, plus a refund and a currency with no rate. Rates: EUR 1.08, GBP 1.27,
 * JPY 0.0067, KWD 3.25 USD per unit; rounding half away from zero.
 */
export function currencies(): SmallSet {
  const events: Ev[] = [
    partnerCreated('k-join', '2026-03-02T15:00:00Z', { key: 'kenji', name: 'Kenji Sato Trading', group: 'gold', tier: 'premier', tags: [] }),
    customer('k-c1', '2026-03-03T15:00:00Z', 'c-kenji-1', 'kenji'),
    // 12% of ¥12,345 = ¥1,481.4 → ¥1,481 (≈ $9.92). First paying customer: $20.
    transaction('k-jpy', '2026-03-04T15:00:00Z', 'txn-k-jpy', 'c-kenji-1', '12345', 'JPY', { product: 'starter' }),
    // 12% of KWD 12.345 = 1.4814 → KWD 1.481 (≈ $4.81).
    transaction('k-kwd', '2026-03-05T15:00:00Z', 'txn-k-kwd', 'c-kenji-1', '12.345', 'KWD', { product: 'starter' }),
    // 12% of €99.99 = 11.9988 → €12.00; created in March, in EUR: Europe kicker €5.00.
    transaction('k-eur', '2026-03-06T15:00:00Z', 'txn-k-eur', 'c-kenji-1', '99.99', 'EUR', { product: 'pro-monthly' }),
    // Created 27 Feb (before 12am 1 Mar in New York): 12% = £6.00, no kicker.
    transaction('k-gbp-old', '2026-03-07T15:00:00Z', 'txn-k-gbp', 'c-kenji-1', '50.00', 'GBP', { product: 'pro-monthly', createdAt: '2026-02-27T15:00:00Z' }),
    // A refund: counts in aggregates, pays nothing.
    transaction('k-refund', '2026-03-08T15:00:00Z', 'txn-k-refund', 'c-kenji-1', '-50.00', 'USD', { product: 'pro-monthly' }),
    // 12% of €0.05 = 0.006 → €0.01 (half away from zero, up); kicker €5.00.
    transaction('k-eur-tiny', '2026-03-09T15:00:00Z', 'txn-k-eur-tiny', 'c-kenji-1', '0.05', 'EUR', { product: 'starter' }),
    // CAD has no rate in the program: rejected.
    transaction('k-cad', '2026-03-10T15:00:00Z', 'txn-k-cad', 'c-kenji-1', '10.00', 'CAD', { product: 'starter' }),
  ];
  return {
    name: 'Currencies: JPY, KWD, EUR, GBP, a refund and a currency without a rate',
    events,
    expect: {
      rewards: [
        reward('kenji', 'gold-commission', 'k-jpy', '1481', 'JPY'),
        reward('kenji', 'first-customers-bonus', 'k-jpy', '20.00'),
        reward('kenji', 'gold-commission', 'k-kwd', '1.481', 'KWD'),
        reward('kenji', 'gold-commission', 'k-eur', '12.00', 'EUR'),
        reward('kenji', 'europe-kicker', 'k-eur', '5.00', 'EUR'),
        reward('kenji', 'gold-commission', 'k-gbp-old', '6.00', 'GBP'),
        reward('kenji', 'gold-commission', 'k-eur-tiny', '0.01', 'EUR'),
        reward('kenji', 'europe-kicker', 'k-eur-tiny', '5.00', 'EUR'),
      ],
      partners: [{ key: 'kenji', group: 'gold', tags: [] }],
      rejected: ['k-cad'],
    },
  };
}

/** Every rejection reason, between good events that must still be processed. */
export function rejections(): SmallSet {
  const at = (d: number, h = 15) => `2026-03-${String(d).padStart(2, '0')}T${h}:00:00Z`;
  const events: Ev[] = [
    partnerCreated('r-dup-partner', at(2), { key: 'ben', name: 'Another Ben', group: 'bronze', tier: null, tags: [] }),
    customer('r-unknown-partner', at(3), 'c-r-1', 'nobody'),
    customer('r-c2', at(3, 16), 'c-r-2', 'acme-agency'),
    customer('r-dup-customer', at(4), 'c-r-2', 'acme-agency'),
    // acme-agency is bronze: $5, and c-r-2 is a first paying customer: $20.
    transaction('r-t1', at(5), 'txn-r-1', 'c-r-2', '30.00', 'USD', { product: 'starter' }),
    transaction('r-dup-transaction', at(6), 'txn-r-1', 'c-r-2', '30.00', 'USD', { product: 'starter' }),
    transaction('r-unknown-customer', at(7), 'txn-r-3', 'c-ghost', '30.00', 'USD', { product: 'starter' }),
    transaction('r-no-rate', at(8), 'txn-r-4', 'c-r-2', '10.00', 'CAD', { product: 'starter' }),
    // Processing goes on: a second sale pays $5 (not a first purchase any more).
    transaction('r-t5', at(9), 'txn-r-5', 'c-r-2', '30.00', 'USD', { product: 'starter' }),
    // Onboarding on the day of sign-up (day 0 < 30): $15.
    action('r-a1', at(10), 'A-r-1', 'c-r-2', 'onboarding_completed'),
    action('r-dup-action', at(11), 'A-r-1', 'c-r-2', 'onboarding_completed'),
    action('r-action-unknown-customer', at(12), 'A-r-3', 'c-ghost', 'onboarding_completed'),
    groupChanged('r-move-unknown-partner', at(13), 'nobody', 'gold'),
    clicks('r-clicks-unknown-partner', at(14), 'nobody', 10),
    deal('r-deal-no-rate', at(15), 'D-r-1', 'acme-agency', 'proposal', { name: 'Maple deal', amount: '5000.00', currency: 'CAD' }),
    lead('r-lead-unknown-partner', 'lead.qualified', at(16), 'L-r-1', 'nobody', { stage: 'qualified' }),
  ];
  return {
    name: 'Rejections: unknown customer or partner, duplicate keys, a currency without a rate',
    events,
    expect: {
      rewards: [
        reward('acme-agency', 'bronze-sale', 'r-t1', '5.00'),
        reward('acme-agency', 'first-customers-bonus', 'r-t1', '20.00'),
        reward('acme-agency', 'bronze-sale', 'r-t5', '5.00'),
        reward('acme-agency', 'fast-onboarding', 'r-a1', '15.00'),
      ],
      partners: [{ key: 'acme-agency', group: 'bronze', tags: [] }],
      rejected: [
        'r-dup-partner',
        'r-unknown-partner',
        'r-dup-customer',
        'r-dup-transaction',
        'r-unknown-customer',
        'r-no-rate',
        'r-dup-action',
        'r-action-unknown-customer',
        'r-move-unknown-partner',
        'r-clicks-unknown-partner',
        'r-deal-no-rate',
        'r-lead-unknown-partner',
      ],
    },
  };
}
