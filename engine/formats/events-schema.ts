/** The event set, `offerflow.events/1` (FORMATS.md), and its optional expectations. */
import { z } from 'zod';
import { isCurrencyCode, parseMinorExact } from '../money';
import { PartnerSchema } from './program-schema';
import { CurrencyCode, DecimalValue, Instant, Key, Name } from './primitives';

export const EVENTS_FORMAT = 'offerflow.events/1';

const OptText = z.string().nullable().optional();

function checkDecimals(amount: string | undefined, currency: string | undefined, ctx: z.RefinementCtx, key = 'amount'): void {
  // The currency's own check reports an unknown code; decimals can only be judged for a known one.
  if (amount === undefined || !isCurrencyCode(currency ?? 'USD')) return;
  const minor = parseMinorExact(amount, currency ?? 'USD');
  if (typeof minor === 'string') ctx.addIssue({ code: 'custom', path: [key], message: minor });
}

export const CustomerPayload = z.strictObject({
  key: Key,
  partnerKey: Key.nullable().optional(),
  name: OptText,
  createdAt: Instant.optional(),
});

export const TransactionPayload = z
  .strictObject({
    key: Key,
    customerKey: Key,
    amount: DecimalValue,
    currency: CurrencyCode,
    productKey: OptText,
    categoryKey: OptText,
    createdAt: Instant.optional(),
  })
  .superRefine((t, ctx) => checkDecimals(t.amount, t.currency, ctx));

export const ActionPayload = z
  .strictObject({
    key: Key,
    customerKey: Key,
    actionKey: Key,
    value: DecimalValue.optional(),
  })
  .superRefine((a, ctx) => checkDecimals(a.value, 'USD', ctx, 'value'));

export const DealPayload = z
  .strictObject({
    key: Key,
    partnerKey: Key,
    name: OptText,
    stage: Key,
    amount: DecimalValue.optional(),
    currency: CurrencyCode.optional(),
  })
  .superRefine((d, ctx) => checkDecimals(d.amount, d.currency, ctx));

export const LeadPayload = z.strictObject({
  key: Key,
  partnerKey: Key,
  name: OptText,
  stage: Key.optional(),
  submittedAt: Instant.optional(),
});

const base = { id: Key.optional(), at: Instant, receivedAt: Instant.optional() };

/** A partner as in the program file, but `joinedAt` may be left out: it defaults to the event's `at`. */
export const PartnerPayload = PartnerSchema.extend({ joinedAt: Instant.optional() });

export const EventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('partner.created'), partner: PartnerPayload }),
  z.strictObject({ ...base, type: z.literal('customer.created'), customer: CustomerPayload }),
  z.strictObject({ ...base, type: z.literal('transaction.created'), transaction: TransactionPayload }),
  z.strictObject({ ...base, type: z.literal('action.created'), action: ActionPayload }),
  z.strictObject({ ...base, type: z.literal('deal.stage_changed'), deal: DealPayload }),
  z.strictObject({ ...base, type: z.literal('lead.closed'), lead: LeadPayload }),
  z.strictObject({ ...base, type: z.literal('lead.qualified'), lead: LeadPayload }),
  z.strictObject({ ...base, type: z.literal('partner.group_changed'), partnerKey: Key, group: Key }),
  z.strictObject({ ...base, type: z.literal('link.clicked'), partnerKey: Key, count: z.number().int('must be a whole number').min(0) }),
]);
export type EventInput = z.infer<typeof EventSchema>;
export type EventType = EventInput['type'];

export const REWARD_KINDS = ['reward', 'drip'] as const;

export const ExpectedReward = z
  .strictObject({
    partnerKey: Key.optional(),
    triggerId: Key.optional(),
    eventId: Key.optional(),
    amount: DecimalValue.optional(),
    currency: CurrencyCode.optional(),
    kind: z.enum(REWARD_KINDS).optional(),
    dueAt: Instant.optional(),
  })
  // An amount no reward can have (3 decimals in USD) is a mistake in the file, not a failed
  // expectation; without a currency the decimals cannot be judged (the reward's decides).
  .superRefine((r, ctx) => {
    if (r.currency !== undefined) checkDecimals(r.amount, r.currency, ctx);
  });
export type ExpectedReward = z.infer<typeof ExpectedReward>;

export const ExpectedPartner = z.strictObject({
  key: Key,
  group: Key.nullable().optional(),
  tier: Key.nullable().optional(),
  tags: z.array(Key).optional(),
});
export type ExpectedPartner = z.infer<typeof ExpectedPartner>;

export const ExpectSchema = z.strictObject({
  rewards: z.array(ExpectedReward).optional(),
  exactRewards: z.boolean().optional(),
  partners: z.array(ExpectedPartner).optional(),
  rejected: z.array(Key).optional(),
});
export type Expectations = z.infer<typeof ExpectSchema>;

export const EventSetSchema = z.looseObject({
  format: z.literal(EVENTS_FORMAT, { error: `must be "${EVENTS_FORMAT}"` }),
  name: Name.default(''),
  events: z.array(EventSchema),
  expect: ExpectSchema.optional(),
});
export type EventSet = z.infer<typeof EventSetSchema>;
