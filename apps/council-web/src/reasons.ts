import type { Locale } from './format.js';
import { formatDate } from './format.js';

type Rule = readonly [RegExp, (match: RegExpExecArray, locale: Locale) => string];

/** The API's field messages (English) that officials meet most, said in Vietnamese. */
const VIETNAMESE: readonly Rule[] = [
  [/^must be after the day of the proposal \((\d{4}-\d{2}-\d{2})\)$/, (m, l) => `phải sau ngày đề xuất (${formatDate(m[1], l)})`],
  [/^must be after the current deadline \((\d{4}-\d{2}-\d{2})\)$/, (m, l) => `phải sau thời hạn hiện tại (${formatDate(m[1], l)})`],
  [/^a province cannot make a commitment to itself$/, () => 'một tỉnh, thành không thể cam kết với chính mình'],
  [/^province (\w+) is not a member or partner of the region today$/, (m) => `tỉnh, thành ${m[1]} hiện không phải thành viên hay đối tác của vùng`],
  [/^must not repeat a province$/, () => 'không được lặp lại một tỉnh, thành'],
  [/^must differ from the baseline/, () => 'phải khác giá trị ban đầu: cam kết phải thay đổi được điều đo đếm được'],
  [/^must not be in the future$/, () => 'không được là ngày trong tương lai'],
  [/^must not be negative$/, () => 'không được là số âm'],
  [/^no registered project (.+)$/, (m) => `không có dự án ${m[1]} đã đăng ký`],
];

/** Why the API refused a token (`Not authenticated: …`), as officials meet it. */
const VIETNAMESE_AUTH: readonly Rule[] = [
  [/^the token has expired$/, () => 'mã đã hết hạn'],
  [/^the token was issued by another issuer$/, () => 'mã do một nơi cấp khác cấp, không phải cổng định danh mà máy chủ tin cậy'],
  [/^the token is meant for another audience$/, () => 'mã được cấp cho một ứng dụng khác'],
  [/^the token's signature does not verify$/, () => 'chữ ký của mã không hợp lệ'],
  [/^no key of the identity provider matches the token$/, () => 'không khóa nào của cổng định danh khớp với mã'],
  [/^the token is malformed$/, () => 'mã không đúng định dạng'],
  [/^the token is not valid yet$/, () => 'mã chưa có hiệu lực'],
  [/^the token has the province role but no "province" claim$/, () => 'mã có vai trò tỉnh, thành nhưng không ghi tỉnh, thành nào'],
];

/** Why the API refused a token, in the reader's language: Vietnamese when known, otherwise the API's words. */
export function localizeAuthReason(reason: string, locale: Locale): string {
  return translate(reason, locale, VIETNAMESE_AUTH);
}

/** A field error in the reader's language: Vietnamese when known, otherwise the API's words. */
export function localizeReason(reason: string, locale: Locale): string {
  return translate(reason, locale, VIETNAMESE);
}

/** The API's words in Vietnamese by the first pattern of `table` they match; as they are otherwise, or in English. */
function translate(reason: string, locale: Locale, table: readonly Rule[]): string {
  if (locale !== 'vi') return reason;
  for (const [pattern, say] of table) {
    const match = pattern.exec(reason);
    if (match) return say(match, locale);
  }
  return reason;
}
