/**
 * Checkpoints of a replay (issue 17): the engine's whole state between two source events, so a
 * later replay (the workbench's trace of one late event) resumes from the nearest checkpoint
 * instead of replaying from the start. The state is a plain object graph that the structured
 * clone algorithm keeps whole (shared partners, Maps, typed arrays, BigInts): the service stores
 * it with `v8.serialize`; `reviveCheckpoint` puts the classes' prototypes back after
 * `v8.deserialize` (a structured clone keeps the fields, not the class).
 */
import { KeySet } from './key-set';
import { Slots, type PartnerState, type World } from './state';

/** The engine's state after `position` events in processing order. */
export interface ReplayCheckpoint {
  /** Events processed (in processing order) when it was taken. */
  readonly position: number;
  readonly world: World;
  /** Partners in report order (program order, then creation order). */
  readonly partnerList: PartnerState[];
  /** The replay's sequence counter (aggregate slots are stamped with it). */
  readonly seq: number;
  /** Reward rows made before it (row ids go on from there). */
  readonly rewardsBefore: number;
}

/** Puts back the prototypes of the state's class instances after a structured clone; returns it. */
export function reviveCheckpoint(c: ReplayCheckpoint): ReplayCheckpoint {
  Object.setPrototypeOf(c.world.transactions, KeySet.prototype);
  Object.setPrototypeOf(c.world.actions, KeySet.prototype);
  for (const p of c.world.partners.values()) Object.setPrototypeOf(p.slots, Slots.prototype);
  for (const p of c.partnerList) Object.setPrototypeOf(p.slots, Slots.prototype);
  for (const cu of c.world.customers.values()) Object.setPrototypeOf(cu.slots, Slots.prototype);
  return c;
}
