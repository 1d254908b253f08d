import { formatDate } from './format';

interface DocData {
  number?: string | undefined;
  kind: string;
  date?: Date | undefined;
  year: number;
  issuer: string;
}

/** "Quyết định 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ": how Vietnamese documents are cited. */
export function docLabel(d: DocData): string {
  const number = d.number ? ` ${d.number}` : '';
  const when = d.date ? ` ngày ${formatDate(d.date)}` : ` năm ${d.year}`;
  return `${d.kind}${number}${when} của ${d.issuer}`;
}
