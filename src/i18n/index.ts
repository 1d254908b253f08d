import strings from './vi.json';

export type StringKey = keyof typeof strings;

/** The Vietnamese UI string for a key. Keys are checked at compile time. */
export function t(key: StringKey): string {
  return strings[key];
}

/** The string for a key with its {placeholders} filled: tf('qa.all', { n: 3, topic: 'Điều tra' }). */
export function tf(key: StringKey, values: Record<string, string | number>): string {
  return strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
