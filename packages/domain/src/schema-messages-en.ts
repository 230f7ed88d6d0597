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
  // phone: the value may be left out for goods by weight only
  'Nhập trị giá (đồng)': 'Enter the value in đồng',
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
  'Cần họ tên': 'A full name is needed',
  'Cần số phiếu đồng ý': 'The consent form’s number is needed',
  'Số phiếu chỉ gồm chữ, số và / . _ -': 'The form number may hold letters, digits and / . _ - only',
  'Cần đúng hai cán bộ chứng kiến': 'Exactly two staff witnesses are needed',
  'Hai cán bộ chứng kiến phải khác nhau': 'The two witnesses must be different people',
  'Mã căn cứ từ 2 đến 40 ký tự': 'The code has 2 to 40 characters',
  'Mã căn cứ chỉ gồm chữ thường không dấu, số, _ và -':
    'The code may hold lower-case letters, digits, _ and - only',
  'Cần tên căn cứ pháp lý': 'The legal basis needs a title',
  'Cần trích dẫn văn bản pháp luật': 'Cite the legal instrument',
  'Thời điểm nhận yêu cầu không hợp lệ': 'Invalid time of receipt',
  'Thời điểm trả lời không hợp lệ': 'Invalid time of answer',
  'Cần nêu lý do chỉnh sửa': 'Give the reason for the correction',
  'Ngày không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2025-09-05)': 'Invalid date (YYYY-MM-DD, e.g. 2025-09-05)',
  'Giới tính không hợp lệ': 'Invalid gender',
  'Mã định danh gồm 6 đến 20 chữ số': 'The ministry id has 6 to 20 digits',
  'Thời điểm phát hiện không hợp lệ': 'Invalid time of detection',
  'Cần mô tả sự cố': 'Describe the breach',
  'Chọn ít nhất một loại dữ liệu': 'Choose at least one kind of data',
  'Số người bị ảnh hưởng phải là số nguyên': 'The number of people affected must be a whole number',
  'Thời điểm thông báo không hợp lệ': 'Invalid time of notification',
  'Cần nêu lý do tạm giữ dữ liệu': 'Give the reason for the legal hold',
  'Số năm học lưu giữ phải là một số': 'The years of retention must be a number',
  'Số năm học lưu giữ phải là số nguyên': 'The years of retention must be a whole number',
  'Số năm học lưu giữ từ 0 đến 5': 'Retention is 0 to 5 school years',
  'ký tự không hợp lệ': 'characters not allowed',
  // The class-list import, notifications and commendation inputs (h/fix-reports).
  'Cần tên trang tính': 'The sheet name is needed',
  'Tên trang tính tối đa 100 ký tự': 'The sheet name has at most 100 characters',
  'Mã thông báo không hợp lệ': 'Invalid notification id',
  'Tối đa 200 thông báo mỗi lần': 'At most 200 notifications at a time',
  'Danh sách thông báo không hợp lệ': 'Invalid list of notifications',
  'Mã đề nghị khen thưởng không hợp lệ': 'Invalid commendation proposal id',
  // h12: a form's own id for one submission
  'Mã lần gửi không hợp lệ': 'Invalid submission id',
};

/** The field names `count()` puts in its messages. */
const LABELS: Record<string, string> = {
  'Số buổi dạy kèm': 'Tutoring sessions',
  'Số lần thăm gia đình': 'Home visits',
  'Số lần liên lạc': 'Calls',
  'Số ngày nghỉ học': 'Days absent',
  'Thời hạn trả lời yêu cầu xem dữ liệu': 'The deadline to answer an access request',
  'Thời hạn trả lời yêu cầu chỉnh sửa': 'The deadline to answer a correction request',
};

const PATTERNS: [RegExp, (label: string, n?: string) => string][] = [
  [/^(.+) phải là một số$/, (l) => `${l} must be a number`],
  [/^(.+) phải là số nguyên$/, (l) => `${l} must be a whole number`],
  [/^(.+) không được âm$/, (l) => `${l} cannot be negative`],
  [/^(.+) tối đa (\d+)$/, (l, n) => `${l}: at most ${n}`],
  [/^(.+) phải là một số giờ$/, (l) => `${l} must be a number of hours`],
  [/^(.+) phải từ 1 đến 720 giờ$/, (l) => `${l} is 1 to 720 hours`],
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
