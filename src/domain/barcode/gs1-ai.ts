import { GS1_AI_TABLE } from './gs1-ai-table';

/** N digits; X GS1 character set 82; Y character set 39; Z base64url (character set 64). */
export type AiCharset = 'N' | 'X' | 'Y' | 'Z';

/** One part of an AI's data field, as the GS1 Barcode Syntax Dictionary describes it. */
export interface AiComponent {
  charset: AiCharset;
  min: number;
  max: number;
  /** Optional components may be left out once the data is exhausted. */
  optional: boolean;
  /** Names of GS1 syntax tests ("csum", "yymmd0", …) that apply to this component. */
  linters: readonly string[];
}

export interface AiDefinition {
  /** Flag "*": the length is fixed by the AI itself, so no GS separator follows it. */
  predefinedLength: boolean;
  title: string;
  components: readonly AiComponent[];
}

export function aiDefinition(ai: string): AiDefinition | undefined {
  return Object.hasOwn(GS1_AI_TABLE, ai) ? GS1_AI_TABLE[ai] : undefined;
}

/**
 * The AI at the start of `data`, if any. AIs are 2 to 4 digits and none is a prefix of another
 * (the generator checks this), so at most one length can match.
 */
export function leadingAi(data: string, from = 0): string | undefined {
  for (let length = 2; length <= 4; length++) {
    const candidate = data.slice(from, from + length);
    if (candidate.length === length && /^\d+$/.test(candidate) && aiDefinition(candidate)) return candidate;
  }
  return undefined;
}

export function minLength(def: AiDefinition): number {
  return def.components.reduce((sum, c) => sum + (c.optional ? 0 : c.min), 0);
}

export function maxLength(def: AiDefinition): number {
  return def.components.reduce((sum, c) => sum + c.max, 0);
}

/** "N6", "X..20", "N13 [X..17]": the format the way GS1 writes it, for messages. */
export function describeFormat(def: AiDefinition): string {
  return def.components
    .map((c) => {
      const text = `${c.charset}${c.min === c.max ? c.max : `..${c.max}`}`;
      return c.optional ? `[${text}]` : text;
    })
    .join(' ');
}
