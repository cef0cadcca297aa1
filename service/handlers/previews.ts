/** Read-only previews: offer visibility and drip schedules. */
import { DripSchema, OfferSchema } from '../../engine/formats/program-schema';
import { dripSchedule, dripSummary } from '../../engine/drip';
import { parseDecimal, parseMinor, percentOf, type Minor } from '../../engine/money';
import { parseInstant, Zone } from '../../engine/time';
import { dripIssues, offerNotPositive } from '../../engine/validate';
import { visibility } from '../../engine/visibility';
import type { Handlers } from '../contract';
import { Failure, parseArg } from '../failure';
import { requireProgram, type ServiceContext } from './context';

function instant(text: string, field: string): number {
  const ms = parseInstant(text);
  if (ms === null) throw new Failure(`${field} is not an ISO-8601 instant (e.g. 2026-02-01T09:00:00Z)`, field);
  return ms;
}

function minor(text: string, currency: string, field: string): number {
  const v = parseMinor(text, currency);
  if (typeof v === 'string') throw new Failure(`${field} ${v}`, field);
  return v;
}

export function previewHandlers(ctx: ServiceContext): Pick<Handlers, 'visibility.get' | 'drip.preview'> {
  return {
    'visibility.get': ({ programId, partnerKey }) => {
      const program = requireProgram(ctx, programId);
      if (partnerKey !== undefined && !program.partners.some((p) => p.key === partnerKey)) throw new Failure(`partner "${partnerKey}" does not exist`, 'partnerKey');
      return visibility(program, partnerKey === undefined ? {} : { partner: partnerKey });
    },
    'drip.preview': (args) => {
      const program = requireProgram(ctx, args.programId);
      const drip = parseArg(DripSchema, args.drip, 'drip');
      const offer = parseArg(OfferSchema, args.offer, 'offer');
      // The bounds validation applies (FORMATS): a preview of a drip no trigger may have is refused by field.
      const bad = dripIssues(drip)[0];
      if (bad) throw new Failure(`drip${bad.path ? `.${bad.path}` : ''}: ${bad.message}`, bad.path ? `drip.${bad.path}` : 'drip');
      const notPositive = offerNotPositive(offer);
      if (notPositive) throw new Failure(`offer.${notPositive.field}: ${notPositive.message}`, `offer.${notPositive.field}`);
      const momentMs = instant(args.exampleAt, 'exampleAt');
      const asOfMs = args.asOf === undefined ? momentMs : instant(args.asOf, 'asOf');
      const currency = offer.type === 'flat' ? offer.currency : (args.exampleCurrency ?? 'USD');
      let amountMinor: Minor;
      if (offer.type === 'flat') amountMinor = minor(offer.amount, currency, 'offer.amount');
      else {
        const sale = minor(args.exampleAmount ?? '100.00', currency, 'exampleAmount');
        amountMinor = percentOf(sale, parseDecimal(offer.percent) ?? { units: 0n, scale: 0 });
      }
      const rateText = currency === 'USD' ? '1' : program.fxRates[currency];
      const rate = rateText === undefined ? null : parseDecimal(rateText);
      if (!rate) throw new Failure(`the program has no FX rate for ${currency}; add one in the program settings`, offer.type === 'flat' ? 'offer.currency' : 'exampleCurrency');
      const occurrences = dripSchedule({ zone: new Zone(program.timeZone), drip, amountMinor, currency, rate, momentMs, asOfMs });
      return { occurrences, summary: dripSummary(drip, offer) };
    },
  };
}
