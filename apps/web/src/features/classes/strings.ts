import { registerStrings } from '../../i18n';

export const NS = 'classes';

const vi = {
  intro:
    'Các lớp của trường trong năm học và giáo viên chủ nhiệm. Giáo viên chủ nhiệm xem được hồ sơ của học sinh lớp mình.',
  year: 'Năm học {{from}}–{{to}}',
  empty: 'Trường chưa có lớp nào trong năm học này.',
  name: 'Tên lớp',
  grade: 'Khối',
  homeroom: 'Giáo viên chủ nhiệm',
  noHomeroom: '— chưa có —',
  pupils: 'Sĩ số',
  actions: 'Thao tác',
  create: {
    title: 'Thêm lớp',
    submit: 'Thêm lớp',
    done: 'Đã thêm lớp {{name}}.',
  },
  rename: 'Đổi tên',
  renameTitle: 'Đổi tên lớp {{name}}',
  renameSubmit: 'Lưu tên mới',
  renamed: 'Đã đổi tên lớp thành {{name}}.',
  archive: 'Lưu trữ',
  archiveTitle: 'Lưu trữ lớp {{name}}?',
  archiveBody:
    'Lớp sẽ không còn hiện trong danh sách và không chọn được cho học sinh. Chỉ lưu trữ được lớp không còn học sinh.',
  archived: 'Đã lưu trữ lớp {{name}}.',
  homeroomSet:
    'Đã giao chủ nhiệm lớp {{className}} cho {{name}}: từ giờ thầy/cô xem được hồ sơ học sinh của lớp.',
  homeroomCleared: 'Lớp {{className}} chưa có giáo viên chủ nhiệm.',
  showPupils: 'Học sinh',
  unassigned: 'Học sinh chưa có lớp ({{count}})',
  pupilsOf: 'Học sinh lớp {{name}}',
  pupilsOfNone: 'Học sinh chưa có lớp',
  noPupils: 'Không có học sinh.',
  pupil: 'Họ và tên',
  birthDate: 'Ngày sinh',
  pupilClass: 'Lớp',
  moveTo: 'Chuyển lớp cho {{name}}',
  moved: 'Đã chuyển {{name}} sang lớp {{className}}.',
  movedNone: 'Đã bỏ lớp của {{name}}.',
  family: 'Hoàn cảnh gia đình',
  familyFilled: 'đã có',
  failed: 'Không thành công: {{message}}',
  loading: 'Đang tải…',
};

const en: typeof vi = {
  intro:
    "The school's classes in the school year and their homeroom teachers. A homeroom teacher sees the cases of the class's pupils.",
  year: 'School year {{from}}–{{to}}',
  empty: 'The school has no class in this school year.',
  name: 'Class name',
  grade: 'Grade',
  homeroom: 'Homeroom teacher',
  noHomeroom: '— none —',
  pupils: 'Pupils',
  actions: 'Actions',
  create: {
    title: 'Add a class',
    submit: 'Add the class',
    done: 'Class {{name}} added.',
  },
  rename: 'Rename',
  renameTitle: 'Rename class {{name}}',
  renameSubmit: 'Save the new name',
  renamed: 'The class is now called {{name}}.',
  archive: 'Archive',
  archiveTitle: 'Archive class {{name}}?',
  archiveBody:
    'The class leaves the lists and can no longer be chosen for a pupil. Only a class with no pupils can be archived.',
  archived: 'Class {{name}} archived.',
  homeroomSet: '{{name}} is now the homeroom teacher of {{className}} and sees the cases of its pupils.',
  homeroomCleared: 'Class {{className}} has no homeroom teacher.',
  showPupils: 'Pupils',
  unassigned: 'Pupils with no class ({{count}})',
  pupilsOf: 'Pupils of {{name}}',
  pupilsOfNone: 'Pupils with no class',
  noPupils: 'No pupils.',
  pupil: 'Full name',
  birthDate: 'Birth date',
  pupilClass: 'Class',
  moveTo: 'Change the class of {{name}}',
  moved: '{{name}} moved to class {{className}}.',
  movedNone: '{{name}} no longer has a class.',
  family: 'Family circumstances',
  familyFilled: 'entered',
  failed: 'Failed: {{message}}',
  loading: 'Loading…',
};

registerStrings(NS, { vi, en });
