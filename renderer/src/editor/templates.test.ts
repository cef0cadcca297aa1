import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgramText } from '@engine/formats/read';
import { lintTrigger } from '@engine/lint';
import { validateProgram } from '@engine/validate';
import { TEMPLATES } from './templates';

const demo = parseProgramText(fs.readFileSync(path.join(__dirname, '../../../resources/samples/demo.program.json'), 'utf8'), 'demo.program.json');

describe('trigger templates', () => {
  it.each(TEMPLATES.map((t) => [t.label, t] as const))('%s is a draft the engine accepts, without lint warnings', (_label, template) => {
    const trigger = { ...template.build(demo), id: 'from-template' };
    const program = { ...demo, triggers: [...demo.triggers, trigger] };
    const issues = validateProgram(program).filter((i) => i.triggerId === trigger.id && i.severity === 'error');
    expect(issues).toEqual([]);
    expect(lintTrigger(trigger, `triggers[${program.triggers.length - 1}]`)).toEqual([]);
    expect(trigger.status).toBe('draft');
  });

  it('moves between the program’s own first two groups', () => {
    const t = TEMPLATES.find((x) => x.id === 'group-move')?.build(demo);
    expect(t?.action).toEqual({ type: 'change_group', group: demo.groups[1]?.key });
  });
});
