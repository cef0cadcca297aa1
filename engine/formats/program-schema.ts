/**
 * The program file, `offerflow.program/1` (FORMATS.md). Unknown top-level keys are ignored;
 * unknown keys inside objects are errors. Semantic checks (references, catalogue) live in
 * `validate.ts`: they make a trigger invalid, not the file malformed.
 */
import { z } from 'zod';
import { OPERATORS, RULE_OBJECTS, TRIGGER_EVENTS, type Operator, type RuleObject } from '../catalogue';
import { isCurrencyCode, parseMinorExact } from '../money';
import { CurrencyCode, DecimalValue, Instant, Key, Name, PositiveDecimal, TimeZoneId } from './primitives';

export const PROGRAM_FORMAT = 'offerflow.program/1';

export const RuleValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export type RuleValue = z.infer<typeof RuleValue>;

export interface Rule {
  object: RuleObject;
  field: string;
  op: Operator;
  value?: RuleValue | undefined;
  filters?: Rule[] | undefined;
}
export interface AllBlock {
  all: RuleNode[];
}
export interface AnyBlock {
  any: RuleNode[];
}
export type RuleNode = Rule | AllBlock | AnyBlock;

export const RuleSchema: z.ZodType<Rule> = z.strictObject({
  object: z.enum(RULE_OBJECTS),
  field: z.string().min(1),
  op: z.enum(OPERATORS),
  value: RuleValue.optional(),
  filters: z.array(z.lazy(() => RuleSchema)).optional(),
});

export const RuleNodeSchema: z.ZodType<RuleNode> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(RuleNodeSchema) }),
    z.strictObject({ any: z.array(RuleNodeSchema) }),
    RuleSchema,
  ]),
);

export function isAll(n: RuleNode): n is AllBlock {
  return 'all' in n;
}
export function isAny(n: RuleNode): n is AnyBlock {
  return 'any' in n;
}
export function isRule(n: RuleNode): n is Rule {
  return 'object' in n;
}

const FlatOffer = z
  .strictObject({
    description: Name,
    type: z.literal('flat'),
    // Not greater than 0 is a validation issue (validate.ts), so a draft can hold a half-filled offer.
    amount: DecimalValue,
    currency: CurrencyCode,
  })
  .superRefine((o, ctx) => {
    if (!isCurrencyCode(o.currency)) return;
    const minor = parseMinorExact(o.amount, o.currency);
    if (typeof minor === 'string') ctx.addIssue({ code: 'custom', path: ['amount'], message: minor });
  });
const PercentOffer = z.strictObject({
  description: Name,
  type: z.literal('percentage'),
  percent: DecimalValue,
});
export const OfferSchema = z.discriminatedUnion('type', [FlatOffer, PercentOffer]);
export type Offer = z.infer<typeof OfferSchema>;

export const CALENDAR_UNITS = ['day', 'week', 'month', 'year'] as const;
const Period = z.strictObject({ count: z.number().int('must be a whole number'), unit: z.enum(CALENDAR_UNITS) });
export type Period = z.infer<typeof Period>;

export const DripSchema = z.strictObject({
  delay: Period,
  cycle: Period.optional(),
  occurrences: z.number().int('must be a whole number'),
  split: z.boolean().default(false),
});
export type DripSettings = z.infer<typeof DripSchema>;

export const ActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('reward'), offer: OfferSchema }),
  z.strictObject({ type: z.literal('drip'), offer: OfferSchema, drip: DripSchema }),
  z.strictObject({ type: z.literal('change_group'), group: Key }),
  z.strictObject({ type: z.literal('apply_tag'), tag: Key }),
]);
export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action['type'];
export const ACTION_TYPES: readonly ActionType[] = ['reward', 'drip', 'change_group', 'apply_tag'];

export const TRIGGER_STATUSES = ['draft', 'active', 'inactive'] as const;
export type TriggerStatus = (typeof TRIGGER_STATUSES)[number];

export const TriggerSchema = z.strictObject({
  id: Key,
  name: Name,
  event: z.enum(TRIGGER_EVENTS),
  status: z.enum(TRIGGER_STATUSES),
  activatedAt: Instant.optional(),
  /** Saved version of the trigger (the store's history); 1 when absent. */
  version: z.number().int().min(1).optional(),
  rules: RuleNodeSchema.optional(),
  action: ActionSchema,
});
export type Trigger = z.infer<typeof TriggerSchema>;

const Named = z.strictObject({ key: Key, name: Name });
export type NamedItem = z.infer<typeof Named>;

export const PartnerSchema = z.strictObject({
  key: Key,
  name: Name.default(''),
  group: Key.nullable().default(null),
  tier: Key.nullable().default(null),
  tags: z.array(Key).default([]),
  joinedAt: Instant,
});
export type Partner = z.infer<typeof PartnerSchema>;

export const ProgramSchema = z.looseObject({
  format: z.literal(PROGRAM_FORMAT, { error: `must be "${PROGRAM_FORMAT}"` }),
  name: Name,
  timeZone: TimeZoneId.default('UTC'),
  fxRates: z.record(CurrencyCode, PositiveDecimal).default({}),
  groups: z.array(Named).default([]),
  tiers: z.array(Named).default([]),
  tags: z.array(Named).default([]),
  partners: z.array(PartnerSchema).default([]),
  triggers: z.array(TriggerSchema).default([]),
  evaluationOrder: z.partialRecord(z.enum(TRIGGER_EVENTS), z.array(Key)).default({}),
});
/** A parsed program; unknown top-level keys are dropped by `toProgramFile`. */
export type Program = z.infer<typeof ProgramSchema>;
export type ProgramInput = z.input<typeof ProgramSchema>;

export { DecimalValue };
