import { registerStrings } from '../../i18n';

export const NS = 'family';

const vi = {
  title: 'Hoàn cảnh gia đình',
  pupil: '{{name}} · lớp {{className}}',
  noClass: 'chưa có lớp',
  sealed:
    'Nội dung được mã hóa khi lưu và chỉ hiện cho cán bộ của trường có vai trò với em (ban giám hiệu, điều phối, giáo viên chủ nhiệm, giáo viên giúp đỡ). Mỗi lần xem và sửa đều được ghi nhật ký.',
  label: 'Hoàn cảnh gia đình',
  placeholder: 'Ví dụ: bố mẹ đi làm ăn xa, em ở với bà; hộ cận nghèo; nhà cách trường 7 km…',
  save: 'Lưu',
  saved: 'Đã lưu hoàn cảnh gia đình của {{name}} (đã mã hóa).',
  back: 'Quay lại',
  forbidden: 'Bạn không có quyền xem hoàn cảnh gia đình của học sinh này.',
  failed: 'Không thành công: {{message}}',
  loading: 'Đang tải…',
};

const en: typeof vi = {
  title: 'Family circumstances',
  pupil: '{{name}} · class {{className}}',
  noClass: 'no class',
  sealed:
    "Encrypted at rest and shown only to the school's staff with a role for the child (management, coordinator, homeroom teacher, helping teacher). Every read and every change is logged.",
  label: 'Family circumstances',
  placeholder:
    'E.g. parents work far away, the child lives with a grandmother; near-poor household; 7 km from school…',
  save: 'Save',
  saved: "{{name}}'s family circumstances saved (encrypted).",
  back: 'Back',
  forbidden: "You may not see this pupil's family circumstances.",
  failed: 'Failed: {{message}}',
  loading: 'Loading…',
};

registerStrings(NS, { vi, en });
