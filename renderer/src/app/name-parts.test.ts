import { describe, expect, it } from 'vitest';
import { nameParts } from './name-parts';

describe('name parts', () => {
  it.each([
    ['Gold 90d or Enterprise (copy)', 'Gold 90d or Enterprise', '(copy)'],
    ['Gold 90d or Enterprise (copy) (copy)', 'Gold 90d or Enterprise (copy)', '(copy)'],
    ['Gold (copy 2)', 'Gold', '(copy 2)'],
    ['Gold (2)', 'Gold', '(2)'],
    ['Gold 90d or Enterprise', 'Gold 90d or Enterprise', ''],
    ['(copy)', '(copy)', ''],
    ['10% for partners (90 days)', '10% for partners (90 days)', ''],
  ])('%s', (name, head, tail) => expect(nameParts(name)).toEqual({ head, tail }));
});
