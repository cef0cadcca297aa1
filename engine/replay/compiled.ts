/**
 * The program prepared for a replay: each event type's triggers in evaluation order, compiled,
 * with the generated dispatcher that walks them (the untraced fast path), and the FX rates.
 */
import { TRIGGER_EVENTS, type TriggerEvent } from '../catalogue';
import type { Program, Trigger } from '../formats/program-schema';
import { parseDecimal, type Decimal } from '../money';
import { evaluationOrderOf } from '../order';
import { parseInstant, type Zone } from '../time';
import { compileTree, type CompiledNode, type SlotRegistry } from './compile';
import { generateDispatcher, type Test } from './codegen';
import type { EvalContext } from './state';

export interface CompiledTrigger {
  readonly trigger: Trigger;
  /** Active and compiled; null for drafts and inactive triggers (skipped). */
  readonly rules: CompiledNode | null;
  readonly active: boolean;
  readonly activatedMs: number;
}

export type Dispatcher = (c: EvalContext, fire: (k: number) => void) => void;

/** The generated walk of each event type's evaluation order (the untraced fast path). */
export function dispatchers(triggers: Record<TriggerEvent, CompiledTrigger[]>): Record<TriggerEvent, Dispatcher> {
  const out = {} as Record<TriggerEvent, Dispatcher>;
  for (const event of TRIGGER_EVENTS) {
    const list = triggers[event];
    const leaves: Test[] = [];
    const conditions = list.map((ct) => {
      if (!ct.active) return null;
      if (!ct.rules) return 'true';
      if (ct.rules.emit) return ct.rules.emit(leaves);
      leaves.push(ct.rules.test);
      return `L[${leaves.length - 1}](c)`;
    });
    out[event] = generateDispatcher(conditions, leaves, list.map((ct) => ct.activatedMs));
  }
  return out;
}

export function compileTriggers(program: Program, slots: SlotRegistry, zone: Zone): Record<TriggerEvent, CompiledTrigger[]> {
  const order = evaluationOrderOf(program);
  const out = {} as Record<TriggerEvent, CompiledTrigger[]>;
  for (const event of TRIGGER_EVENTS) {
    out[event] = order[event].map((trigger) => {
      const active = trigger.status === 'active';
      return {
        trigger,
        active,
        rules: active ? compileTree(trigger.rules, slots, zone) : null,
        activatedMs: trigger.activatedAt ? (parseInstant(trigger.activatedAt) as number) : -Infinity,
      };
    });
  }
  return out;
}

export function ratesOf(program: Program): Map<string, Decimal> {
  const rates = new Map<string, Decimal>([['USD', { units: 1n, scale: 0 }]]);
  for (const [code, text] of Object.entries(program.fxRates)) {
    if (code !== 'USD') rates.set(code, parseDecimal(text) as Decimal);
  }
  return rates;
}
