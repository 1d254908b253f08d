/** Widths every content image is served at: 360 and 720 cover phones (1× and 2× screens), 1080 larger screens. */
export const imageWidths = [360, 720, 1080] as const;
/** The largest width a phone is given, and the most bytes it may weigh there. */
export const PHONE_WIDTH = 720;
export const PHONE_BUDGET = 60_000;

export interface BuiltImage {
  file: string;
  width: number;
  bytes: number;
}

/** Images a phone would download that weigh more than the budget, as warnings naming the file. */
export function overBudget(images: BuiltImage[]): string[] {
  return images
    .filter((i) => i.width <= PHONE_WIDTH && i.bytes > PHONE_BUDGET)
    .map(
      (i) =>
        `Ảnh quá nặng cho điện thoại: ${i.file} (${i.width} px, ${Math.round(i.bytes / 1000)} KB > ${PHONE_BUDGET / 1000} KB). Hãy dùng ảnh đơn giản hơn hoặc nén lại.`,
    );
}
