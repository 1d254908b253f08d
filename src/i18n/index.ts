import strings from './vi.json';

export type StringKey = keyof typeof strings;

/** The Vietnamese UI string for a key. Keys are checked at compile time. */
export function t(key: StringKey): string {
  return strings[key];
}
