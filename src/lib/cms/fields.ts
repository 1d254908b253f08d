/** Decap CMS fields from zod schemas, so the editing app never holds a second, hand-written copy of the content model.
 * Generic over zod's own definitions (objects, arrays, enums, optional/default, dates, patterns, min/max) and over
 * Astro's `reference()`, which is recognised by what it does: it turns any id into `{ id, collection }`. A schema
 * type this module does not know fails loudly, naming the field, so a new kind of field is never silently dropped. */
import { z } from 'astro/zod';

/** One Decap field (the subset of https://decapcms.org/docs/widgets/ that we generate). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  step?: number;
  options?: { label: string; value: string }[];
  multiple?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  fields?: CmsField[];
  field?: CmsField;
  date_format?: string;
  time_format?: boolean;
  format?: string;
  picker_utc?: boolean;
  summary?: string;
  collapsed?: boolean;
  minimize_collapsed?: boolean;
  [extra: string]: unknown;
}

/** How a reference to another collection is picked: which field the editor searches and sees. */
export interface RelationDisplay {
  search_fields: string[];
  display_fields: string[];
}

/** Labels and help the schemas carry (`.meta({ title, description })` or `.describe()`), read through wrappers. */
export interface FieldText {
  title?: string | undefined;
  description?: string | undefined;
  /** Widget settings for the editing app only (e.g. `{ widget: 'image' }` for an image path). */
  cms?: Partial<CmsField> | undefined;
}

export interface FieldOptions {
  /** For each collection a reference can point at: what the picker searches and shows. */
  relations: Record<string, RelationDisplay>;
  /** Vietnamese messages for checks Decap makes before saving. */
  messages: { pattern: string; integer: string };
  /** A field's label when its schema gives no title (by field name). */
  label?: (name: string) => string | undefined;
}

// Zod 4 keeps each schema's definition on `_zod.def`; its public types do not expose it.
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  error?: (issue: unknown) => unknown;
}
type Schema = z.ZodType;
const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: Schema) => (defOf(schema).checks ?? []).map((c) => c._zod.def);

/** The collection an Astro `reference()` points at, or undefined for any other schema. A reference accepts a plain id
 * and returns `{ id, collection }`; nothing else in our schemas does. */
export function referenceTarget(schema: Schema): string | undefined {
  if (defOf(schema).type !== 'pipe') return undefined;
  const probe = '__loa-ban-probe__';
  const result = schema.safeParse(probe);
  if (!result.success) return undefined;
  const data = result.data as { id?: unknown; collection?: unknown };
  return data && data.id === probe && typeof data.collection === 'string' ? data.collection : undefined;
}

/** Title and description from the schema or any wrapper around it (`.optional()`, `.default()`). */
export function textOf(schema: Schema): FieldText {
  const text: FieldText = {};
  for (let s: Schema | undefined = schema; s; s = innerOf(s)) {
    const meta = z.globalRegistry.get(s) as FieldText | undefined;
    text.title ??= meta?.title;
    text.description ??= meta?.description ?? s.description;
    text.cms ??= meta?.cms;
  }
  return text;
}

function innerOf(schema: Schema): Schema | undefined {
  const def = defOf(schema);
  if (['optional', 'default', 'nullable', 'readonly', 'prefault', 'catch', 'nonoptional'].includes(def.type)) {
    return def['innerType'] as Schema;
  }
  return undefined;
}

/** A custom message given to a check (`.regex(re, 'message')`), if any. */
function checkMessage(check: CheckDef): string | undefined {
  if (typeof check.error !== 'function') return undefined;
  try {
    const message = check.error({ code: 'invalid_format', input: '' });
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON-friendly default: references by id, dates as YYYY-MM-DD. */
function plainDefault(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plainDefault);
  if (value && typeof value === 'object' && 'id' in value && 'collection' in value)
    return (value as { id: unknown }).id;
  return value;
}

function lengths(schema: Schema): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length') out.min = check.minimum!;
    if (check.check === 'max_length') out.max = check.maximum!;
  }
  return out;
}

/** Decap fields for every key of a zod object, in schema order. */
export function objectFields(schema: Schema, options: FieldOptions, path = ''): CmsField[] {
  const def = defOf(schema);
  if (def.type !== 'object') throw new Error(`${path || 'schema'}: expected a zod object, got ${def.type}`);
  const shape = def['shape'] as Record<string, Schema>;
  return Object.entries(shape).map(([name, field]) => fieldFor(name, field, options, path ? `${path}.${name}` : name));
}

/** One Decap field for one schema field. `path` names the field in errors. */
export function fieldFor(name: string, schema: Schema, options: FieldOptions, path = name): CmsField {
  const text = textOf(schema);
  let required = true;
  let fallback: unknown;
  let s = schema;
  for (let inner = innerOf(s); inner; inner = innerOf(s)) {
    const type = defOf(s).type;
    if (type === 'optional' || type === 'nullable') required = false;
    if (type === 'default' || type === 'prefault') {
      required = false;
      fallback = plainDefault(defOf(s)['defaultValue']);
    }
    s = inner;
  }
  const base: CmsField = { name, label: text.title ?? options.label?.(name) ?? name, widget: 'string', required };
  if (text.description) base.hint = text.description;
  if (fallback !== undefined) base.default = fallback;
  const field: CmsField = { ...base, ...widgetFor(s, options, path), ...text.cms };
  // Decap checks the fields of an object the entry leaves out as if it were there: inside an optional object nothing
  // is required in the editor (the build still checks them when the object is given).
  return !required && field.widget === 'object' && field.fields
    ? { ...field, fields: field.fields.map(optional) }
    : field;
}

/** A field not required, and if it is an object, none of its own fields either (a list's items are checked only when
 * an editor adds one, so they keep their rules). */
function optional(field: CmsField): CmsField {
  const fields = field.widget === 'object' && field.fields ? { fields: field.fields.map(optional) } : {};
  return { ...field, required: false, ...fields };
}

/** Widget and constraints for an unwrapped schema. */
function widgetFor(schema: Schema, options: FieldOptions, path: string): Partial<CmsField> {
  const def = defOf(schema);
  const target = referenceTarget(schema);
  if (target) return relation(target, options, path);

  switch (def.type) {
    case 'string': {
      const out: Partial<CmsField> = { widget: 'string' };
      const { min, max } = lengths(schema);
      for (const check of checksOf(schema)) {
        if (check.check === 'string_format' && check.pattern) {
          out.pattern = [check.pattern.source, checkMessage(check) ?? options.messages.pattern];
        }
      }
      // Long free text gets a text area; short labels a single line.
      if (max === undefined || max > 120) out.widget = 'text';
      if (min !== undefined && min > 1 && !out.pattern) {
        out.pattern = [`^[\\s\\S]{${min},}$`, `cần ít nhất ${min} ký tự`];
      }
      if (max !== undefined && !out.pattern) out.pattern = [`^[\\s\\S]{0,${max}}$`, `tối đa ${max} ký tự`];
      return out;
    }
    case 'number': {
      const checks = checksOf(schema);
      const int = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
      const out: Partial<CmsField> = int
        ? { widget: 'number', value_type: 'int', step: 1 }
        : { widget: 'number', value_type: 'float' };
      // Decap's bounds are inclusive: a strict bound on a whole number moves by one.
      const strict = (c: CheckDef) => (int && !c.inclusive ? 1 : 0);
      for (const check of checks) {
        if (check.check === 'greater_than') out.min = check.value! + strict(check);
        if (check.check === 'less_than') out.max = check.value! - strict(check);
      }
      return out;
    }
    case 'boolean':
      return { widget: 'boolean' };
    case 'date':
      return { widget: 'datetime', date_format: 'DD/MM/YYYY', time_format: false, format: 'YYYY-MM-DD' };
    case 'enum': {
      const values = Object.values(def['entries'] as Record<string, string>);
      return { widget: 'select', options: values.map((v) => ({ label: v, value: v })) };
    }
    case 'literal': {
      const values = (def['values'] as unknown[]).map(String);
      return { widget: 'select', options: values.map((v) => ({ label: v, value: v })) };
    }
    case 'object':
      return { widget: 'object', fields: objectFields(schema, options, path), collapsed: false };
    case 'array': {
      const element = def['element'] as Schema;
      const { min, max } = lengths(schema);
      const bounds = { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
      const {
        name: _name,
        label: _label,
        required: _required,
        ...inner
      } = fieldFor('item', element, options, `${path}[]`);
      // Decap's relation widget reports a list that meets `min` as missing (Decap 3.16), so pickers get no bounds: a
      // `.min(1)` list is already required, and the build checks every bound again.
      if (inner.widget === 'relation' || inner.widget === 'select') return { ...inner, multiple: true };
      if (inner.widget === 'object') {
        return { widget: 'list', fields: inner.fields!, ...bounds, collapsed: false, minimize_collapsed: false };
      }
      return { widget: 'list', field: { name: 'item', label: options.label?.('item') ?? 'item', ...inner }, ...bounds };
    }
    case 'pipe':
      // A transform after a check (e.g. a refined value): the editor fills in what goes in.
      return widgetFor(def['in'] as Schema, options, path);
    case 'union': {
      const members = def['options'] as Schema[];
      if (members.every((m) => ['literal', 'enum'].includes(defOf(m).type))) {
        const values = members.flatMap((m) => {
          const d = defOf(m);
          return d.type === 'enum' ? Object.values(d['entries'] as Record<string, string>) : (d['values'] as string[]);
        });
        return { widget: 'select', options: values.map((v) => ({ label: String(v), value: String(v) })) };
      }
      // Text the schema reads in more than one way (e.g. a year, month or day written as a string, a number or a
      // date): the editor types the text form, and the schema's own checks run on it.
      if (members.some((m) => defOf(m).type === 'string')) return { widget: 'string' };
      throw new Error(`${path}: a union of ${members.map((m) => defOf(m).type).join(' | ')} has no CMS widget yet`);
    }
    default:
      throw new Error(`${path}: zod type "${def.type}" has no CMS widget yet (src/lib/cms/fields.ts)`);
  }
}

function relation(collection: string, options: FieldOptions, path: string): Partial<CmsField> {
  const display = options.relations[collection];
  if (!display) throw new Error(`${path}: reference to "${collection}", which the CMS does not edit`);
  return {
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    search_fields: display.search_fields,
    display_fields: display.display_fields,
    options_length: 500,
  };
}

/** Every field path (`period.peak.start`, `hotlines[].number`) of a schema: what a complete configuration covers. */
export function schemaPaths(schema: Schema, prefix = ''): string[] {
  let s = schema;
  for (let inner = innerOf(s); inner; inner = innerOf(s)) s = inner;
  const def = defOf(s);
  if (def.type === 'pipe' && !referenceTarget(s)) return schemaPaths(def['in'] as Schema, prefix);
  if (def.type === 'object') {
    return Object.entries(def['shape'] as Record<string, Schema>).flatMap(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [path, ...schemaPaths(value, path)];
    });
  }
  if (def.type === 'array') return schemaPaths(def['element'] as Schema, `${prefix}[]`);
  return [];
}

/** Every field path of generated Decap fields, in the same notation as schemaPaths(). */
export function fieldPaths(fields: CmsField[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    const nested = f.fields ? fieldPaths(f.fields, f.widget === 'list' ? `${path}[]` : path) : [];
    return [path, ...nested];
  });
}
