/**
 * The PartnerStack program skeleton (IMPORTS.md "Program skeleton", [D 1], [D 9], [D 10]):
 * groups, tiers, tags and one sample partner per partnership, as of the export. Group moves come
 * only from webhook bodies, as `partner.group_changed` events.
 */
import { formatInstant } from '../time';
import { int, objAt, text, type Item } from './fields';
import type { Draft } from './emit';
import type { ImportLog } from './report';
import { cmp } from './report';
import { mergeVersions, psKey } from './versions';

/** A skeleton partner before it is written. */
interface SkPartner {
  key: string;
  name: string;
  group: string | null;
  tier: string | null;
  tags: string[];
  joinedAt: number;
}

/** The skeleton and the partnership lookups customers need. */
export interface Skeleton {
  readonly program: Record<string, unknown>;
  /** PartnerStack partnership `key` → Offerflow partner key. */
  readonly byPartnershipKey: ReadonlyMap<string, string>;
  /** Offerflow partner keys (PartnerStack `partner_key`s) in the skeleton. */
  readonly partnerKeys: ReadonlySet<string>;
  /** Each partner's group in the skeleton (webhook moves start from it). */
  readonly groupOf: ReadonlyMap<string, string | null>;
}

/** A webhook group move, read in partnerstack-webhooks. */
export interface GroupMove extends Item {
  readonly partnerKey: string;
  readonly group: string;
  readonly groupName: string | null;
  readonly at: number;
}

function partnerName(o: Item['o'], key: string): string {
  const full = `${text(o, 'first_name') ?? ''} ${text(o, 'last_name') ?? ''}`.trim();
  return full || (text(o, 'email') ?? key);
}

/** Builds the skeleton from groups and partnerships (list items and webhook-created ones). */
export function buildSkeleton(groupItems: readonly Item[], partnershipItems: readonly Item[], moves: readonly GroupMove[], log: ImportLog): Skeleton {
  const groups = new Map<string, string>();
  const tiers = new Map<string, string>();
  const tags = new Set<string>();
  for (const g of mergeVersions(groupItems, (i) => text(i.o, 'slug') ?? psKey(i), 'group')) {
    log.used++;
    groups.set(g.id, text(g.latest.o, 'name') ?? g.id);
  }
  const partners = new Map<string, SkPartner>();
  const byPartnershipKey = new Map<string, string>();
  for (const p of mergeVersions(partnershipItems, psKey, 'partnership')) {
    const o = p.latest.o;
    const key = text(o, 'partner_key') ?? p.id;
    const joined = int(p.earliest, 'joined_at', 'epoch milliseconds') ?? int(p.earliest, 'created_at', 'epoch milliseconds');
    if (joined === null) {
      log.skip(p.id, 'partnership', 'no_timestamp', `partnership ${p.id} has neither joined_at nor created_at`);
      continue;
    }
    const group = objAt(o, 'group');
    const slug = group ? text(group, 'slug') : null;
    if (group && slug) groups.set(slug, groups.get(slug) ?? text(group, 'name') ?? slug);
    const tier = objAt(o, 'tier');
    const tierKey = tier ? text(tier, 'key') : null;
    if (tier && tierKey) tiers.set(tierKey, text(tier, 'name') ?? tierKey);
    const ptags = [...new Set((Array.isArray(o.tags) ? o.tags : []).filter((t): t is string => typeof t === 'string' && t !== ''))].sort(cmp);
    for (const t of ptags) tags.add(t);
    byPartnershipKey.set(p.id, key);
    const prev = partners.get(key);
    // Two partnerships of one partner key: the earlier-joined stays, the other is merged.
    if (prev && (prev.joinedAt < joined || (prev.joinedAt === joined && prev.key <= p.id))) continue;
    if (!prev) log.used++;
    partners.set(key, { key, name: partnerName(o, key), group: slug, tier: tierKey, tags: ptags, joinedAt: joined });
  }
  for (const m of moves) if (groups.get(m.group) === undefined || (groups.get(m.group) === m.group && m.groupName)) groups.set(m.group, m.groupName ?? m.group);
  const list = [...partners.values()].sort((a, b) => a.joinedAt - b.joinedAt || cmp(a.key, b.key));
  const program = {
    format: 'offerflow.program/1',
    name: 'PartnerStack import',
    timeZone: 'UTC',
    fxRates: {},
    groups: [...groups].sort(([a], [b]) => cmp(a, b)).map(([key, name]) => ({ key, name })),
    tiers: [...tiers].sort(([a], [b]) => cmp(a, b)).map(([key, name]) => ({ key, name })),
    tags: [...tags].sort(cmp).map((t) => ({ key: t, name: t })),
    partners: list.map((p) => ({ key: p.key, name: p.name, group: p.group, tier: p.tier, tags: p.tags, joinedAt: formatInstant(p.joinedAt) })),
    triggers: [],
    evaluationOrder: {},
  };
  return { program, byPartnershipKey, partnerKeys: new Set(partners.keys()), groupOf: new Map(list.map((p) => [p.key, p.group])) };
}

/** `partner.group_changed` drafts for webhook moves that change a partner's group, in time order. */
export function groupMoveDrafts(moves: readonly GroupMove[], sk: Skeleton, log: ImportLog): Draft[] {
  const current = new Map(sk.groupOf);
  const drafts: Draft[] = [];
  for (const m of moves) {
    if (!sk.partnerKeys.has(m.partnerKey)) {
      log.skip(text(m.o, 'key') ?? m.partnerKey, 'partnership', 'unknown_partner', `group move of partner ${m.partnerKey}, who is not in the partnerships read`);
      continue;
    }
    if (current.get(m.partnerKey) === m.group) continue;
    current.set(m.partnerKey, m.group);
    log.used++;
    drafts.push({ object: 'partner', key: m.partnerKey, type: 'partner.group_changed', at: m.at, body: { partnerKey: m.partnerKey, group: m.group } });
  }
  return drafts;
}
