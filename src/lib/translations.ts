/** Translations of Q&A: a Q&A in another language names its Vietnamese original in `translationOf` and credits its
 * translator. Pure: checks over plain entries, and the links both pages show ("Đọc bằng tiếng …"). */

export interface TranslatableQa {
  id: string;
  /** Where the file is, as editors know it ("content/qa/…"). */
  where: string;
  lang: string;
  topic: string;
  translationOf?: string | undefined;
  translator?: string | undefined;
}

/** Every way a translation can be linked wrongly, in Vietnamese, naming the file and the field. */
export function checkTranslations(qa: TranslatableQa[]): string[] {
  const byId = new Map(qa.map((q) => [q.id, q]));
  const errors: string[] = [];
  const seen = new Map<string, TranslatableQa>();
  for (const q of qa) {
    if (!q.translationOf) {
      if (q.translator) {
        errors.push(
          `${q.where}: trường "translator": chỉ bản dịch mới ghi người dịch; thêm "translationOf" (câu gốc) hoặc bỏ "translator".`,
        );
      }
      continue;
    }
    const original = byId.get(q.translationOf);
    if (!original) continue; // checkReferences reports a reference to nothing
    if (original.translationOf) {
      errors.push(
        `${q.where}: trường "translationOf": "${original.id}" cũng là một bản dịch; hãy trỏ tới câu gốc "${original.translationOf}".`,
      );
    } else if (original.lang === q.lang) {
      errors.push(
        `${q.where}: trường "translationOf": bản dịch và câu gốc "${original.id}" cùng ngôn ngữ "${q.lang}"; sửa trường "lang".`,
      );
    }
    if (original.topic !== q.topic) {
      errors.push(
        `${q.where}: trường "topic" = "${q.topic}" khác chủ đề của câu gốc "${original.id}" ("${original.topic}").`,
      );
    }
    if (!q.translator) {
      errors.push(
        `${q.where}: trường "translator": bản dịch cần ghi tên người dịch (người biết tiếng, không phải máy dịch).`,
      );
    }
    const key = `${q.translationOf} ${q.lang}`;
    const first = seen.get(key);
    if (first) {
      errors.push(
        `${q.where}: câu "${q.translationOf}" đã có bản dịch tiếng "${q.lang}" ở ${first.where}. Mỗi ngôn ngữ một bản dịch.`,
      );
    } else seen.set(key, q);
  }
  return errors;
}

/** The other language versions of a Q&A: for an original its translations, for a translation its original and the
 * other translations. Ids, in the order given. */
export function versionsOf(id: string, qa: TranslatableQa[]): TranslatableQa[] {
  const q = qa.find((x) => x.id === id);
  if (!q) return [];
  const root = q.translationOf ?? q.id;
  return qa.filter((x) => x.id !== id && (x.id === root || x.translationOf === root));
}
