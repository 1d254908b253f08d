import { describe, expect, it } from 'vitest';
import { parseEntry, recordingEntry } from './recorder';

const at = new Date('2026-12-02T08:24:21Z');
const qa = {
  id: 'dieu-tra-53-dan-toc/muc-dich-cuoc-dieu-tra',
  question: 'Cuộc điều tra để làm gì?',
  topic: 'dieu-tra-53-dan-toc',
};

describe('the phone recorder entry', () => {
  it('writes a human recording with transcript, speaker, producer and language, numbered in its group', () => {
    const entry = recordingEntry(
      { qa, lang: 'tyz', speaker: ' Người đọc ', producer: 'Đài xã', transcript: 'Lời đọc.\n', at },
      [
        { id: 'a', topic: 'dieu-tra-53-dan-toc', lang: 'tyz', order: 4 },
        { id: 'b', topic: 'dieu-tra-53-dan-toc', lang: 'vi', order: 12 },
        { id: 'c', topic: 'khac', lang: 'tyz', order: 30 },
      ],
    );
    expect(entry.id).toBe('muc-dich-cuoc-dieu-tra-tyz-20261202');
    expect(entry.path).toBe('content/audio/muc-dich-cuoc-dieu-tra-tyz-20261202.md');
    expect(entry.mp3).toBe('muc-dich-cuoc-dieu-tra-tyz-20261202082421.mp3');
    const { data, body } = parseEntry(entry.raw);
    expect(data).toEqual({
      title: 'Cuộc điều tra để làm gì?',
      lang: 'tyz',
      topic: 'dieu-tra-53-dan-toc',
      order: 5,
      qa: ['dieu-tra-53-dan-toc/muc-dich-cuoc-dieu-tra'],
      file: `files/${entry.mp3}`,
      speaker: 'Người đọc',
      producer: 'Đài xã',
      recorded: '2026-12-02',
      machineRead: false,
    });
    expect(body).toBe('\nLời đọc.\n');
  });

  it('never reuses the id of an existing recording', () => {
    const taken = [{ id: 'muc-dich-cuoc-dieu-tra-vi-20261202', topic: 't', lang: 'vi', order: 1 }];
    const rec = { qa, lang: 'vi', speaker: 'a', producer: 'b', transcript: 'c', at };
    expect(recordingEntry(rec, taken).id).toBe('muc-dich-cuoc-dieu-tra-vi-20261202-2');
  });

  it('reads front matter back', () => {
    expect(parseEntry('---\na: 1\n---\nThân bài\n')).toEqual({ data: { a: 1 }, body: 'Thân bài\n' });
    expect(parseEntry('Không có phần đầu')).toEqual({ data: {}, body: 'Không có phần đầu' });
  });
});
