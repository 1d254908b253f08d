/** Written Vietnamese → the words a speech synthesiser should read. Dates and document numbers are written for the
 * eye ("01/7/2024", "628/QĐ-TCTK"); espeak-ng would read the slashes and letters one by one. The result is exactly
 * what the recording says, so it is also the recording's transcript. Pure. */
import { transcriptText } from './transcript.ts';

const n = (s: string) => String(Number(s));

export function spokenText(markdown: string): string {
  return (
    transcriptText(markdown)
      // List items become sentences, so the voice pauses between them.
      .replace(/^[ \t]*[-*][ \t]+(.*?)[.;:]?$/gm, '$1.')
      // Date ranges: "15/6–15/7/2024" → "15 tháng 6 đến 15 tháng 7 năm 2024".
      .replace(
        /(\d{1,2})\/(\d{1,2})\s*[–-]\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/g,
        (_, d1, m1, d2, m2, y) => `${n(d1)} tháng ${n(m1)} đến ${n(d2)} tháng ${n(m2)} năm ${y}`,
      )
      // "ngày 01/7/2024" → "ngày 1 tháng 7 năm 2024"; a bare date gets "ngày".
      .replace(
        /(ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})/g,
        (_, day, d, m, y) => `${day ?? 'ngày '}${n(d)} tháng ${n(m)} năm ${y}`,
      )
      // "tháng 6/2024" → "tháng 6 năm 2024".
      .replace(/tháng\s+(\d{1,2})\/(\d{4})/g, (_, m, y) => `tháng ${n(m)} năm ${y}`)
      // Document symbols: "số 628/QĐ-TCTK" → "số 628" (the issuer is named in the same sentence).
      .replace(/(\d+)(?:\/\d{4})?\/[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ]*)*/g, '$1')
      // Year spans: "2020-2021" → "2020 đến 2021".
      .replace(/\b(\d{4})\s*[–-]\s*(\d{4})\b/g, '$1 đến $2')
      .replace(/\bMP3\b/g, 'em pê ba')
      // "kinh tế - xã hội", "hỏi - đáp": a spaced dash is a short pause.
      .replace(/ [–-] /g, ', ')
      .replace(/ ?\(/g, ', ')
      .replace(/\)/g, '')
      .replace(/ ,/g, ',')
      .replace(/,\s*,/g, ',')
  );
}
