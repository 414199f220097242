import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiDocument } from '../../../src/contract/api-doc';

const file = path.resolve(import.meta.dirname, '..', '..', '..', 'docs', 'api.md');

describe('docs/api.md', () => {
  it('is what the contract says, method by method', () => {
    const written = apiDocument();
    if (process.env.UPDATE_API_DOC) fs.writeFileSync(file, written);
    expect(fs.readFileSync(file, 'utf8')).toBe(written);
  });
});
