import { describe, it, expect } from 'vitest';
import { ERROR_VERDICTS, PROMPT_VERDICTS, VERDICTS } from '../../../../../src/domain/packing/verdict';
import { VERDICT_LOOK } from '../../../../../renderer/features/pack/verdicts';
import { SHORTCUTS, shortcutFor } from '../../../../../renderer/features/pack/shortcuts';

describe('verdict looks', () => {
  it('gives every stop the error colour and the low buzz', () => {
    for (const verdict of ERROR_VERDICTS) expect(VERDICT_LOOK[verdict]).toEqual({ tone: 'error', sound: 'error' });
  });

  it('asks every question in its own colour and tone', () => {
    for (const verdict of PROMPT_VERDICTS) expect(VERDICT_LOOK[verdict]).toEqual({ tone: 'prompt', sound: 'prompt' });
  });

  it('lets a packer hear accepted, line complete and order complete apart', () => {
    const sounds = ['accepted', 'line_complete', 'order_complete'].map((v) => VERDICT_LOOK[v as 'accepted'].sound);
    expect(new Set(sounds).size).toBe(3);
    for (const verdict of VERDICTS) expect(VERDICT_LOOK[verdict]).toBeDefined();
  });
});

describe('shortcuts', () => {
  it('uses only keys a wedge scanner never types', () => {
    for (const { key } of SHORTCUTS) expect(key).toMatch(/^(F\d+|Escape)$/);
    expect(shortcutFor('F10')).toBe('complete');
    expect(shortcutFor('F2')).toBe('undo');
    expect(shortcutFor('2')).toBeNull();
    expect(shortcutFor('Enter')).toBeNull();
  });
});
