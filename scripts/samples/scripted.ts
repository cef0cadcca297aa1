/**
 * Scripted stories in the demo event set, each on partners that the random traffic never
 * touches, with expectations derived BY HAND from the program's rules (the comments show the
 * arithmetic). Times are UTC; the program zone is America/New_York (EST = UTC−5 until
 * 2026-03-08 07:00Z, EDT = UTC−4 after), which several stories rely on.
 */
import { action, customer, deal, drip, groupChanged, lead, reward, transaction, type Ev, type ExpectedPartner, type ExpectedReward } from './events';

export interface Story {
  events: Ev[];
  rewards: ExpectedReward[];
  partners: ExpectedPartner[];
  rejected: string[];
}

/** Seed ordering example: Bronze $5, Silver $10, move at the 5th sale evaluated last. */
function ben(): Story {
  const events: Ev[] = [customer('ben-c1', '2026-02-02T15:00:00Z', 'c-ben-1', 'ben')];
  for (let i = 1; i <= 6; i++) {
    events.push(transaction(`ben-s${i}`, `2026-02-0${i + 2}T17:00:00Z`, `txn-ben-${i}`, 'c-ben-1', '40.00', 'USD', { product: 'starter', category: 'software' }));
  }
  // Moved to silver by ben-s5, then promoted to gold by hand on 1 May: the manual move fires
  // partner.joined_group, and the Gold welcome carries the manual event's id.
  events.push(groupChanged('ben-promoted', '2026-05-01T14:00:00Z', 'ben', 'gold'));
  // A duplicate of ben's third sale: rejected, changes nothing.
  events.push(transaction('ben-dup-s3', '2026-02-10T17:00:00Z', 'txn-ben-3', 'c-ben-1', '40.00', 'USD', { product: 'starter' }));
  const rewards = [
    ...[1, 2, 3, 4, 5].map((i) => reward('ben', 'bronze-sale', `ben-s${i}`, '5.00')),
    reward('ben', 'silver-sale', 'ben-s6', '10.00'),
    reward('ben', 'first-customers-bonus', 'ben-s1', '20.00'),
    reward('ben', 'gold-welcome', 'ben-promoted', '150.00'),
  ];
  return { events, rewards, partners: [{ key: 'ben', group: 'gold', tags: [] }], rejected: ['ben-dup-s3'] };
}

/**
 * Seed AND/OR example: olga joined 2025-08-15 (≥ 90 days by March). 10% when the customer
 * signed up ≥ 90 days ago OR the product is enterprise. Day counts are New York days.
 */
function olga(): Story {
  const events: Ev[] = [
    customer('olga-c-old', '2026-02-10T15:00:00Z', 'c-olga-old', 'olga', '2025-12-01T15:00:00Z'),
    customer('olga-c-edge', '2026-02-10T15:05:00Z', 'c-olga-edge', 'olga', '2025-12-10T17:00:00Z'),
    customer('olga-c-new', '2026-03-01T15:00:00Z', 'c-olga-new', 'olga'),
    // Mar 9 23:30 EDT: Dec 10 → Mar 9 is 89 days — no 10% (in UTC it would already be day 90).
    transaction('olga-e1', '2026-03-10T03:30:00Z', 'txn-olga-e1', 'c-olga-edge', '100.00', 'USD', { product: 'starter' }),
    // Mar 10 00:30 EDT: day 90 — 10% of $100 = $10.00.
    transaction('olga-e2', '2026-03-10T04:30:00Z', 'txn-olga-e2', 'c-olga-edge', '100.00', 'USD', { product: 'starter' }),
    // Dec 1 → Mar 10 = 99 days — 10% of $200 = $20.00.
    transaction('olga-t1', '2026-03-10T16:00:00Z', 'txn-olga-t1', 'c-olga-old', '200.00', 'USD', { product: 'pro-monthly' }),
    // New customer (10 days) but enterprise — 10% of $300 = $30.00.
    transaction('olga-t2', '2026-03-11T16:00:00Z', 'txn-olga-t2', 'c-olga-new', '300.00', 'USD', { product: 'enterprise' }),
    // New customer, starter — nothing.
    transaction('olga-t3', '2026-03-12T16:00:00Z', 'txn-olga-t3', 'c-olga-new', '150.00', 'USD', { product: 'starter' }),
    // $2,400 enterprise: 10% = $240; reseller margin 15% = $360 split in 3 × $120, first due
    // Apr 2 10:00 EDT + 30 days = May 2, then Jun 2 and Jul 2 (10:00 EDT = 14:00Z); > $2,000 tags high-value.
    transaction('olga-big', '2026-04-02T14:00:00Z', 'txn-olga-big', 'c-olga-new', '2400.00', 'USD', { product: 'enterprise' }),
  ];
  const rewards = [
    reward('olga', 'mature-partner-bonus', 'olga-e2', '10.00'),
    reward('olga', 'mature-partner-bonus', 'olga-t1', '20.00'),
    reward('olga', 'mature-partner-bonus', 'olga-t2', '30.00'),
    reward('olga', 'mature-partner-bonus', 'olga-big', '240.00'),
    // First purchase of each of her first three paying customers: edge, old, new.
    reward('olga', 'first-customers-bonus', 'olga-e1', '20.00'),
    reward('olga', 'first-customers-bonus', 'olga-t1', '20.00'),
    reward('olga', 'first-customers-bonus', 'olga-t2', '20.00'),
    drip('olga', 'reseller-margin', 'olga-big', '120.00', '2026-05-02T14:00:00Z'),
    drip('olga', 'reseller-margin', 'olga-big', '120.00', '2026-06-02T14:00:00Z'),
    drip('olga', 'reseller-margin', 'olga-big', '120.00', '2026-07-02T14:00:00Z'),
  ];
  return { events, rewards, partners: [{ key: 'olga', group: 'enterprise-resellers', tags: ['early-adopter', 'high-value'] }], rejected: [] };
}

/** Silver → Gold at $5,000 of sales; the move's cascade pays the Gold welcome on the same event. */
function gina(): Story {
  const events: Ev[] = [
    customer('gina-c1', '2026-02-05T16:00:00Z', 'c-gina-1', 'gina'),
    transaction('gina-t1', '2026-02-06T16:00:00Z', 'txn-gina-1', 'c-gina-1', '2000.00', 'USD', { product: 'pro-annual' }),
    transaction('gina-t2', '2026-02-07T16:00:00Z', 'txn-gina-2', 'c-gina-1', '2500.00', 'USD', { product: 'enterprise' }),
    transaction('gina-t3', '2026-02-08T16:00:00Z', 'txn-gina-3', 'c-gina-1', '1000.00', 'USD', { product: 'pro-monthly' }),
    transaction('gina-t4', '2026-02-09T16:00:00Z', 'txn-gina-4', 'c-gina-1', '100.00', 'USD', { product: 'starter' }),
  ];
  // Joined 2025-11-20: 78–81 days by these sales, so no 10% bonus. $2,000 is not > $2,000;
  // $2,500 tags high-value. Sum 5,500 at gina-t3 reaches 5,000: silver pays first, then the move.
  const rewards = [
    reward('gina', 'silver-sale', 'gina-t1', '10.00'),
    reward('gina', 'silver-sale', 'gina-t2', '10.00'),
    reward('gina', 'silver-sale', 'gina-t3', '10.00'),
    reward('gina', 'first-customers-bonus', 'gina-t1', '20.00'),
    reward('gina', 'gold-welcome', 'gina-t3', '150.00'),
    reward('gina', 'gold-commission', 'gina-t4', '12.00'),
  ];
  return { events, rewards, partners: [{ key: 'gina', group: 'gold', tags: ['high-value'] }], rejected: [] };
}

/** becomes_greater_than on the $10,000 milestone, at the cent, and a 12% reward that rounds to 0. */
function hugo(): Story {
  const events: Ev[] = [
    customer('hugo-c1', '2026-01-12T16:00:00Z', 'c-hugo-1', 'hugo'),
    transaction('hugo-t1', '2026-01-13T16:00:00Z', 'txn-hugo-1', 'c-hugo-1', '6000.00', 'USD', { product: 'enterprise' }),
    transaction('hugo-t2', '2026-01-14T16:00:00Z', 'txn-hugo-2', 'c-hugo-1', '4000.00', 'USD', { product: 'enterprise' }),
    transaction('hugo-t3', '2026-01-15T16:00:00Z', 'txn-hugo-3', 'c-hugo-1', '0.01', 'USD', { product: 'starter' }),
    transaction('hugo-t4', '2026-01-16T16:00:00Z', 'txn-hugo-4', 'c-hugo-1', '10.00', 'USD', { product: 'starter' }),
  ];
  // 12%: 720.00, 480.00, 0.0012 → 0.00 (no reward), 1.20. Sum 10,000.00 is not > 10,000;
  // 10,000.01 is: milestone on hugo-t3 only.
  const rewards = [
    reward('hugo', 'gold-commission', 'hugo-t1', '720.00'),
    reward('hugo', 'gold-commission', 'hugo-t2', '480.00'),
    reward('hugo', 'gold-commission', 'hugo-t4', '1.20'),
    reward('hugo', 'first-customers-bonus', 'hugo-t1', '20.00'),
    reward('hugo', 'sales-milestone-10k', 'hugo-t3', '250.00'),
  ];
  return { events, rewards, partners: [{ key: 'hugo', group: 'gold', tags: ['high-value'] }], rejected: [] };
}

/** Leads, deals and actions on one partner (silver, tier plus). */
function dana(): Story {
  const events: Ev[] = [
    lead('dana-lq1', 'lead.qualified', '2026-02-12T15:00:00Z', 'L-dana-1', 'dana', { name: 'Contoso rollout', stage: 'qualified', submittedAt: '2026-02-10T15:00:00Z' }),
    lead('dana-lc1', 'lead.closed', '2026-03-20T15:00:00Z', 'L-dana-1', 'dana', { stage: 'won' }),
    // Submitted Jan 31 23:30 EST: before 12am Feb 1 in New York — no $75 (in UTC it would pass).
    lead('dana-lc2', 'lead.closed', '2026-03-21T15:00:00Z', 'L-dana-2', 'dana', { name: 'Litware pilot', stage: 'won', submittedAt: '2026-02-01T04:30:00Z' }),
    // Submitted exactly 12am Feb 1 EST — after_or_exactly passes.
    lead('dana-lc3', 'lead.closed', '2026-03-22T15:00:00Z', 'L-dana-3', 'dana', { name: 'Adatum upgrade', stage: 'won', submittedAt: '2026-02-01T05:00:00Z' }),
    deal('dana-d1a', '2026-03-02T15:00:00Z', 'D-dana-1', 'dana', 'proposal', { name: 'Fabrikam renewal', amount: '8000.00', currency: 'USD' }),
    deal('dana-d1b', '2026-03-25T15:00:00Z', 'D-dana-1', 'dana', 'closed_won'),
    deal('dana-d2', '2026-04-05T15:00:00Z', 'D-dana-2', 'dana', 'closed_won', { name: 'Tailspin pilot', amount: '3000.00', currency: 'USD' }),
    // €4,700 × 1.08 = $5,076 ≥ $5,000; the third won deal tags deal-closer.
    deal('dana-d3', '2026-04-20T15:00:00Z', 'D-dana-3', 'dana', 'closed_won', { name: 'Northwind Traders expansion', amount: '4700.00', currency: 'EUR' }),
    customer('dana-c1', '2026-02-01T15:00:00Z', 'c-dana-1', 'dana'),
    customer('dana-c2', '2026-02-01T15:00:00Z', 'c-dana-2', 'dana'),
    // Mar 2 23:00 EST: 29 days after Feb 1 — $15. (Mar 3 in UTC would be day 30.)
    action('dana-a1', '2026-03-03T04:00:00Z', 'A-dana-1', 'c-dana-1', 'onboarding_completed'),
    // Mar 3 00:00 EST: day 30 — not less than 30.
    action('dana-a2', '2026-03-03T05:00:00Z', 'A-dana-2', 'c-dana-2', 'onboarding_completed'),
    // Booked demos: 200 + 250 (+ a 1,000 webinar, filtered out) + 100 reaches 500 at dana-a6.
    action('dana-a3', '2026-03-05T15:00:00Z', 'A-dana-3', 'c-dana-1', 'demo_booked', '200.00'),
    action('dana-a4', '2026-03-06T15:00:00Z', 'A-dana-4', 'c-dana-1', 'webinar_attended', '1000.00'),
    action('dana-a5', '2026-03-07T15:00:00Z', 'A-dana-5', 'c-dana-2', 'demo_booked', '250.00'),
    action('dana-a6', '2026-03-09T15:00:00Z', 'A-dana-6', 'c-dana-2', 'demo_booked', '100.00'),
    action('dana-a7', '2026-03-10T15:00:00Z', 'A-dana-7', 'c-dana-1', 'demo_booked', '50.00'),
  ];
  const rewards = [
    reward('dana', 'qualified-lead', 'dana-lq1', '20.00'),
    reward('dana', 'lead-won', 'dana-lc1', '75.00'),
    reward('dana', 'lead-won', 'dana-lc3', '75.00'),
    reward('dana', 'big-deal-won', 'dana-d1b', '300.00'),
    reward('dana', 'big-deal-won', 'dana-d3', '300.00'),
    reward('dana', 'fast-onboarding', 'dana-a1', '15.00'),
    reward('dana', 'demo-value-bonus', 'dana-a6', '100.00'),
  ];
  return { events, rewards, partners: [{ key: 'dana', group: 'silver', tags: ['deal-closer'] }], rejected: [] };
}

/** Monthly drip without split: keeps the day of the month, clamps to month end, follows DST. */
function cara(): Story {
  const events: Ev[] = [
    // Jan 31 10:00 EST → Feb 28 10:00 EST → Mar 31 10:00 EDT (14:00Z).
    customer('cara-c1', '2026-01-31T15:00:00Z', 'c-cara-1', 'cara'),
    // May 31 10:00 EDT → Jun 30 → Jul 31.
    customer('cara-c2', '2026-05-31T14:00:00Z', 'c-cara-2', 'cara'),
  ];
  const rewards = [
    drip('cara', 'certified-customer-drip', 'cara-c1', '10.00', '2026-01-31T15:00:00Z'),
    drip('cara', 'certified-customer-drip', 'cara-c1', '10.00', '2026-02-28T15:00:00Z'),
    drip('cara', 'certified-customer-drip', 'cara-c1', '10.00', '2026-03-31T14:00:00Z'),
    drip('cara', 'certified-customer-drip', 'cara-c2', '10.00', '2026-05-31T14:00:00Z'),
    drip('cara', 'certified-customer-drip', 'cara-c2', '10.00', '2026-06-30T14:00:00Z'),
    drip('cara', 'certified-customer-drip', 'cara-c2', '10.00', '2026-07-31T14:00:00Z'),
  ];
  return { events, rewards, partners: [{ key: 'cara', group: 'bronze', tags: ['certified'] }], rejected: [] };
}

/** Split drip with a remainder, and a JPY sale that passes the $1,000 threshold once converted. */
function erik(): Story {
  const events: Ev[] = [
    customer('erik-c1', '2026-02-15T15:00:00Z', 'c-erik-1', 'erik'),
    // 15% of 1,234.56 = 185.184 → 185.18 = 61.72 + 61.72 + 61.74; Feb 16 10:00 EST + 30 days = Mar 18 10:00 EDT.
    transaction('erik-t1', '2026-02-16T15:00:00Z', 'txn-erik-1', 'c-erik-1', '1234.56', 'USD', { product: 'pro-annual' }),
    transaction('erik-t2', '2026-02-17T15:00:00Z', 'txn-erik-2', 'c-erik-1', '999.99', 'USD', { product: 'pro-annual' }),
    // ¥200,000 × 0.0067 = $1,340 ≥ $1,000: 15% = ¥30,000 in 3 × ¥10,000 from Mar 20.
    transaction('erik-t3', '2026-02-18T15:00:00Z', 'txn-erik-3', 'c-erik-1', '200000', 'JPY', { product: 'enterprise' }),
  ];
  const rewards = [
    drip('erik', 'reseller-margin', 'erik-t1', '61.72', '2026-03-18T14:00:00Z'),
    drip('erik', 'reseller-margin', 'erik-t1', '61.72', '2026-04-18T14:00:00Z'),
    drip('erik', 'reseller-margin', 'erik-t1', '61.74', '2026-05-18T14:00:00Z'),
    drip('erik', 'reseller-margin', 'erik-t3', '10000', '2026-03-20T14:00:00Z', 'JPY'),
    drip('erik', 'reseller-margin', 'erik-t3', '10000', '2026-04-20T14:00:00Z', 'JPY'),
    drip('erik', 'reseller-margin', 'erik-t3', '10000', '2026-05-20T14:00:00Z', 'JPY'),
    reward('erik', 'first-customers-bonus', 'erik-t1', '20.00'),
  ];
  return { events, rewards, partners: [{ key: 'erik', group: 'enterprise-resellers', tags: [] }], rejected: [] };
}

/** Deliberately bad events in the middle of the demo traffic. */
function rejects(): Story {
  const events: Ev[] = [
    transaction('bad-ghost-customer', '2026-03-15T15:00:00Z', 'txn-ghost-1', 'c-ghost', '49.00', 'USD', { product: 'starter' }),
    customer('bad-unknown-partner', '2026-04-15T15:00:00Z', 'c-orphan', 'nobody-inc'),
  ];
  return { events, rewards: [], partners: [], rejected: ['bad-ghost-customer', 'bad-unknown-partner'] };
}

/** Partners whose every reward is listed in the hand-derived expectations. */
export const SCRIPTED_PARTNERS = ['ben', 'olga', 'gina', 'hugo', 'dana', 'cara', 'erik'] as const;

export function stories(): Story[] {
  return [ben(), olga(), gina(), hugo(), dana(), cara(), erik(), rejects()];
}
