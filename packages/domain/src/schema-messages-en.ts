/**
 * English for the Vietnamese messages of the shared zod schemas. The schemas speak Vietnamese
 * (the API's language of record); a screen in English shows a field's message through
 * `schemaMessageIn('en', message)`. A message missing here stays Vietnamese, never blank.
 */
const EXACT: Record<string, string> = {
  'Văn bản chứa ký tự không hợp lệ': 'The text contains characters that are not allowed',
  'Văn bản chứa ký tự điều khiển hướng chữ không được phép':
    'The text contains text-direction controls, which are not allowed',
  'Giá trị phải là số tiền (đồng)': 'Enter an amount in đồng',
  'Số tiền phải là số nguyên (đồng)': 'The amount must be a whole number of đồng',
  'Số tiền không được âm': 'The amount cannot be negative',
  'Số tiền quá lớn': 'The amount is too large',
  'Số lượng phải là số': 'The quantity must be a number',
  'Số lượng phải lớn hơn 0': 'The quantity must be more than 0',
  'Số lượng quá lớn': 'The quantity is too large',
  'Số giờ dạy kèm phải là một số': 'Tutoring hours must be a number',
  'Số giờ dạy kèm không được âm': 'Tutoring hours cannot be negative',
  'Số giờ dạy kèm tối đa 300': 'At most 300 tutoring hours',
  'Tên môn học trống': 'The subject name is empty',
  'Tối đa 12 môn': 'At most 12 subjects',
  'Tối đa 50 khoản hỗ trợ': 'At most 50 items of help',
  'Cần nhận xét sự tiến bộ': 'Describe the progress',
  'Cần nêu lý do đề xuất kết thúc': 'Give the reason for proposing to close',
  'Cần mục tiêu tuần': 'A goal for the week is needed',
  'Cần mục tiêu tháng': 'A goal for the month is needed',
  'Cần mục tiêu học kỳ': 'A goal for the semester is needed',
  'Chọn ít nhất một hình thức giúp đỡ': 'Choose at least one kind of help',
  'Chọn ít nhất một diện': 'Choose at least one category',
  'ký tự không hợp lệ': 'characters not allowed',
};

/** The field names `count()` puts in its messages. */
const LABELS: Record<string, string> = {
  'Số buổi dạy kèm': 'Tutoring sessions',
  'Số lần thăm gia đình': 'Home visits',
  'Số lần liên lạc': 'Calls',
  'Số ngày nghỉ học': 'Days absent',
};

const PATTERNS: [RegExp, (label: string, n?: string) => string][] = [
  [/^(.+) phải là một số$/, (l) => `${l} must be a number`],
  [/^(.+) phải là số nguyên$/, (l) => `${l} must be a whole number`],
  [/^(.+) không được âm$/, (l) => `${l} cannot be negative`],
  [/^(.+) tối đa (\d+)$/, (l, n) => `${l}: at most ${n}`],
];

export function schemaMessageIn(locale: 'vi' | 'en', message: string): string {
  if (locale === 'vi') return message;
  const exact = EXACT[message];
  if (exact) return exact;
  for (const [pattern, english] of PATTERNS) {
    const m = pattern.exec(message);
    const label = m?.[1] && LABELS[m[1]];
    if (m && label) return english(label, m[2]);
  }
  return message;
}
