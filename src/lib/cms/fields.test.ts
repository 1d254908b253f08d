import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { describe, expect, it } from 'vitest';
import { fieldFor, fieldPaths, objectFields, referenceTarget, schemaPaths, type FieldOptions } from './fields';

const options: FieldOptions = {
  relations: {
    topics: { search_fields: ['title'], display_fields: ['title'] },
    documents: { search_fields: ['number'], display_fields: ['number'] },
  },
  messages: { pattern: 'chưa đúng dạng', integer: 'phải là số nguyên' },
  label: (name) => ({ title: 'Tiêu đề' })[name],
};

/** Every kind of field the content schemas use, in one object. */
const sample = z.strictObject({
  title: z.string().min(1).max(40).meta({ description: 'Tên ngắn' }),
  question: z.string().min(5),
  slug: z.string().regex(/^[a-z-]+$/, 'chỉ chữ thường và gạch ngang'),
  order: z.number().int().positive(),
  year: z.number().int().min(1945).max(2100),
  share: z.number().min(0).max(1).optional(),
  machineRead: z.boolean().default(false),
  script: z.enum(['Latn', 'Khmr']),
  updated: z.coerce.date(),
  topic: reference('topics'),
  lang: reference('topics').default({ collection: 'topics', id: 'vi' }),
  sources: z.array(reference('documents')).min(1),
  slogans: z.array(z.string().min(1)).default([]),
  hotlines: z.array(z.strictObject({ number: z.string(), label: z.string().min(1) })).default([]),
  period: z
    .strictObject({ start: z.coerce.date(), end: z.coerce.date() })
    .refine((p) => p.end >= p.start)
    .optional(),
  notes: z.string().optional().describe('Ghi chú, không hiện cho bà con'),
});

describe('zod → Decap fields', () => {
  const fields = Object.fromEntries(objectFields(sample, options).map((f) => [f.name, f]));

  it('keeps required and optional, defaults, labels and help text', () => {
    expect(fields['title']).toMatchObject({ label: 'Tiêu đề', widget: 'string', required: true, hint: 'Tên ngắn' });
    expect(fields['share']!.required).toBe(false);
    expect(fields['machineRead']).toMatchObject({ widget: 'boolean', required: false, default: false });
    expect(fields['notes']).toMatchObject({ required: false, hint: 'Ghi chú, không hiện cho bà con', widget: 'text' });
    expect(fields['period']!.required).toBe(false);
  });

  it('turns lengths, patterns and number bounds into checks Decap makes before saving', () => {
    expect(fields['title']!.pattern).toEqual(['^[\\s\\S]{0,40}$', 'tối đa 40 ký tự']);
    expect(fields['question']!.pattern).toEqual(['^[\\s\\S]{5,}$', 'cần ít nhất 5 ký tự']);
    expect(fields['slug']!.pattern).toEqual(['^[a-z-]+$', 'chỉ chữ thường và gạch ngang']);
    expect(fields['order']).toMatchObject({ widget: 'number', value_type: 'int', min: 1 });
    expect(fields['year']).toMatchObject({ value_type: 'int', min: 1945, max: 2100 });
    expect(fields['share']).toMatchObject({ value_type: 'float', min: 0, max: 1 });
    expect(new RegExp(fields['question']!.pattern![0]).test('Ai?')).toBe(false);
  });

  it('offers allowed values as a select, dates as a date picker', () => {
    expect(fields['script']).toMatchObject({
      widget: 'select',
      options: [
        { label: 'Latn', value: 'Latn' },
        { label: 'Khmr', value: 'Khmr' },
      ],
    });
    expect(fields['updated']).toMatchObject({ widget: 'datetime', time_format: false, format: 'YYYY-MM-DD' });
  });

  it('makes every reference a relation to the real entries of its collection, with the id as the value', () => {
    expect(fields['topic']).toMatchObject({ widget: 'relation', collection: 'topics', value_field: '{{slug}}' });
    expect(fields['lang']).toMatchObject({ widget: 'relation', default: 'vi', required: false });
    expect(fields['sources']).toMatchObject({ widget: 'relation', collection: 'documents', multiple: true });
  });

  it('nests objects and lists of objects; lists of text get one input per item', () => {
    expect(fields['hotlines']).toMatchObject({ widget: 'list', fields: [{ name: 'number' }, { name: 'label' }] });
    expect(fields['slogans']).toMatchObject({ widget: 'list', field: { name: 'item', widget: 'text' } });
    expect(fields['period']!.fields!.map((f) => f.name)).toEqual(['start', 'end']);
    // Decap would refuse an entry without the optional period because its start and end are required.
    expect(fields['period']!.fields!.map((f) => f.required)).toEqual([false, false]);
    expect(fields['hotlines']!.fields!.map((f) => f.required)).toEqual([true, true]);
  });

  it('covers every field path of the schema', () => {
    expect(fieldPaths(objectFields(sample, options)).sort()).toEqual(schemaPaths(sample).sort());
    expect(schemaPaths(sample)).toContain('hotlines[].label');
  });

  it('fails loudly on a kind of field it has no widget for, naming the field', () => {
    expect(() => fieldFor('tags', z.map(z.string(), z.string()), options)).toThrow(/tags: zod type "map"/);
    expect(() => objectFields(z.strictObject({ other: reference('audio') }), options)).toThrow(
      /other: reference to "audio"/,
    );
  });

  it('recognises a reference by what it does, not by its shape', () => {
    expect(referenceTarget(reference('documents'))).toBe('documents');
    expect(referenceTarget(z.string().transform((s) => s.length))).toBeUndefined();
    expect(referenceTarget(z.string())).toBeUndefined();
  });
});
