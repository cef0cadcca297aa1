/** Every domain's handler map, merged into the one `Handlers` of the contract. */
import type { Handlers } from '../contract';
import type { ServiceContext } from './context';
import { eventBrowserHandlers } from './event-browser';
import { eventSetHandlers } from './event-sets';
import { expectationHandlers } from './expectations';
import { partnerHandlers } from './partners';
import { previewHandlers } from './previews';
import { programHandlers } from './programs';
import { programCompareHandlers } from './program-compare';
import { importHandlers } from './imports';
import { replayHandlers } from './replay';
import { rewardHandlers } from './rewards';
import { resultHandlers } from './results';
import { runMetaHandlers } from './runs-meta';
import { triggerHandlers } from './triggers';

export function makeHandlers(ctx: ServiceContext): Handlers {
  return {
    ...programHandlers(ctx),
    ...programCompareHandlers(ctx),
    ...importHandlers(ctx),
    ...partnerHandlers(ctx),
    ...triggerHandlers(ctx),
    ...previewHandlers(ctx),
    ...eventSetHandlers(ctx),
    ...eventBrowserHandlers(ctx),
    ...replayHandlers(ctx),
    ...rewardHandlers(ctx),
    ...runMetaHandlers(ctx),
    ...resultHandlers(ctx),
    ...expectationHandlers(ctx),
  } satisfies Handlers;
}

export type { ServiceContext } from './context';
