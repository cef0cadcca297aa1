/**
 * zod schemas for the JSON kept in columns. Every stored value is parsed on read, so a file
 * damaged by hand or by an older build fails loudly at the boundary, never deep in the UI.
 */
import { z } from 'zod';
import { PartnerSchema, TriggerSchema, type Partner, type Trigger } from '../../engine/formats/program-schema';

export const NamedListRow = z.array(z.strictObject({ key: z.string(), name: z.string() }));
export const FxRatesRow = z.record(z.string(), z.string());
export const IdListRow = z.array(z.string());

/** Parses a JSON column with a schema; the error names the table and column. */
export function parseColumn<S extends z.ZodType>(schema: S, text: string, where: string): z.output<S> {
  const r = schema.safeParse(JSON.parse(text));
  if (!r.success) throw new Error(`stored ${where} is damaged: ${r.error.message}`);
  return r.data;
}

export function parsePartnerRow(text: string): Partner {
  return parseColumn(PartnerSchema, text, 'partner');
}

/** A stored trigger version; `version` comes from its row, never from the JSON. */
export function parseTriggerRow(text: string, version: number): Trigger {
  const t = parseColumn(TriggerSchema, text, 'trigger version');
  return { ...t, version };
}
