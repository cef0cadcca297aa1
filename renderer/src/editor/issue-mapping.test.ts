import { describe, expect, it } from 'vitest';
import { nodeOfIssue } from './issue-mapping';

const paths = new Map([
  ['event', 'event'], ['action', 'action'], ['n1', 'rules'], ['n2', 'rules.all[1]'], ['n3', 'rules.all[10]'], ['n4', 'rules.all[1].any[0]'],
]);

describe('issue mapping', () => {
  it.each([
    ['triggers[2].rules.all[1].any[0].op', 'n4'],
    ['triggers[2].rules.all[1].any[0].filters[0].value', 'n4'],
    ['triggers[2].rules.all[10].value', 'n3'],
    ['triggers[2].rules.all[1]', 'n2'],
    ['triggers[2].action.offer.type', 'action'],
    ['triggers[2]', 'event'],
    ['triggers[2].activatedAt', 'event'],
    ['triggers[3].rules.all[1]', 'event'],
  ])('%s sits on %s', (path, node) => {
    expect(nodeOfIssue({ path }, 2, paths)).toBe(node);
  });
});
