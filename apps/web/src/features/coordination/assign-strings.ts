import { registerStrings } from '../../i18n';

/** setup (issue 14): assignment that never dead-ends — every teacher, raising a capacity, asking, confirming. */
export const ASSIGN_NS = 'coordination-assign';

const vi = {
  noFreePlace:
    'Không có giáo viên nào còn chỗ nhận giúp đỡ. Hãy tăng số chỗ của một giáo viên (có ghi lý do) hoặc nhờ một giáo viên dưới đây.',
  others: 'Giáo viên khác của trường (đã đủ chỗ hoặc chưa đăng ký)',
  noTeacher:
    'Trường chưa có tài khoản giáo viên nào để nhận hồ sơ. Hãy đề nghị quản trị tạo tài khoản cho giáo viên của trường.',
  load: 'Đang giúp {{load}}/{{capacity}}',
  notVolunteer: 'Chưa đăng ký nhận giúp đỡ',
  raise: 'Tăng số chỗ',
  change: 'Đổi số chỗ',
  raiseTitle: 'Số chỗ nhận giúp đỡ của {{name}}',
  raiseBody:
    'Thầy/cô đang giúp {{load}} em, nhận tối đa {{capacity}} em. Việc thay đổi được ghi nhật ký cùng lý do.',
  newCapacity: 'Số em nhận tối đa',
  reason: 'Lý do (ví dụ: thầy/cô đồng ý qua điện thoại)',
  reasonRequired: 'Cần nêu lý do (ít nhất 3 ký tự)',
  raiseSubmit: 'Lưu số chỗ mới',
  raised: 'Đã lưu: {{name}} nhận tối đa {{capacity}} em.',
  ask: 'Nhờ',
  askLabel: 'Nhờ {{name}}',
  askTitle: 'Nhờ {{name}} nhận giúp đỡ?',
  askBody:
    '{{name}} không còn chỗ theo đăng ký. Lời đề nghị sẽ ghi rõ là nhờ; nếu thầy/cô đồng ý, số chỗ của thầy/cô tăng thêm 1 (được ghi nhật ký).',
  assignTitle: 'Phân công {{name}}?',
  assignBody:
    'Hồ sơ {{code}} sẽ được đề nghị cho {{name}}. Thầy/cô sẽ thấy tên học sinh để quyết định; không thể rút lại khi chưa có câu trả lời.',
  note: 'Lời nhắn cho giáo viên (không bắt buộc)',
  noteHelp: 'Chỉ giáo viên được đề nghị đọc được. Đừng ghi hoàn cảnh gia đình ở đây.',
  confirmAssign: 'Phân công',
  confirmAsk: 'Gửi lời nhờ',
  assigned: 'Đã giao hồ sơ {{code}} cho {{name}} — đang chờ thầy/cô trả lời.',
  asked: 'Đã gửi lời nhờ {{name}} nhận hồ sơ {{code}} — đang chờ thầy/cô trả lời.',
  viewCase: 'Xem hồ sơ',
  declined: 'Đã từ chối hoặc không trả lời',
  declinedBy: '{{name}}: {{reason}}',
  lapsed: '{{name}}: không trả lời đúng hạn',
  noReason: 'không ghi lý do',
};

const en: typeof vi = {
  noFreePlace:
    'No teacher has a free place. Raise a teacher’s capacity (with a reason) or ask one of the teachers below.',
  others: 'Other teachers of the school (full or not volunteering)',
  noTeacher:
    'The school has no teacher account to take the case. Ask the administrator to create accounts for the school’s teachers.',
  load: 'Helping {{load}}/{{capacity}}',
  notVolunteer: 'Not volunteering',
  raise: 'Raise capacity',
  change: 'Change capacity',
  raiseTitle: 'Capacity of {{name}}',
  raiseBody: 'Helping {{load}} pupils, at most {{capacity}}. The change is logged with its reason.',
  newCapacity: 'Pupils at most',
  reason: 'Reason (e.g. agreed on the phone)',
  reasonRequired: 'Give a reason (3 characters or more)',
  raiseSubmit: 'Save the new capacity',
  raised: 'Saved: {{name}} takes up to {{capacity}} pupils.',
  ask: 'Ask',
  askLabel: 'Ask {{name}}',
  askTitle: 'Ask {{name}} to help?',
  askBody:
    '{{name}} has no free place. The offer will say it is a request; if they accept, their capacity grows by one (logged).',
  assignTitle: 'Assign {{name}}?',
  assignBody:
    'Case {{code}} will be offered to {{name}}. They will see the pupil’s name to decide; the offer cannot be withdrawn before they answer.',
  note: 'A note for the teacher (optional)',
  noteHelp: 'Only the teacher offered the case reads it. Do not write the family’s circumstances here.',
  confirmAssign: 'Assign',
  confirmAsk: 'Send the request',
  assigned: 'Case {{code}} offered to {{name}} — waiting for their answer.',
  asked: '{{name}} was asked to take case {{code}} — waiting for their answer.',
  viewCase: 'Open the case',
  declined: 'Declined or unanswered',
  declinedBy: '{{name}}: {{reason}}',
  lapsed: '{{name}}: did not answer in time',
  noReason: 'no reason given',
};

registerStrings(ASSIGN_NS, { vi, en });
