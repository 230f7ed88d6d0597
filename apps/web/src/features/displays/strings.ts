import { registerStrings } from '../../i18n';

// wall: the wall display (issue 14)
const vi = {
  title: 'Màn hình treo tường',
  intro:
    'Một màn hình treo tường (phòng hội đồng, phòng/sở) chỉ hiện bảng theo dõi đã ẩn tên học sinh của đơn vị, tự cập nhật, kể cả sau khi tải lại hay mất điện. Màn hình không đăng nhập bằng tài khoản của ai và không đọc được gì khác.',
  unit: 'Đơn vị',
  label: 'Tên màn hình',
  labelPlaceholder: 'VD: Phòng hội đồng tầng 1',
  create: 'Tạo màn hình',
  created: 'Đã tạo màn hình “{{label}}”.',
  pairHow:
    'Mở đường dẫn này trên trình duyệt của màn hình trong vòng 24 giờ. Đường dẫn chỉ dùng được một lần và không hiện lại.',
  copy: 'Sao chép đường dẫn',
  copied: 'Đã sao chép',
  list: 'Các màn hình',
  none: 'Chưa có màn hình nào.',
  colLabel: 'Màn hình',
  colUnit: 'Đơn vị',
  colState: 'Trạng thái',
  colSeen: 'Lần cuối hoạt động',
  state: { waiting: 'Chờ ghép nối', active: 'Đang dùng', revoked: 'Đã thu hồi', expired: 'Hết hạn ghép nối' },
  never: 'Chưa',
  revoke: 'Thu hồi',
  confirmRevoke: 'Thu hồi “{{label}}”? Màn hình sẽ tắt bảng ngay.',
  revoked: 'Đã thu hồi “{{label}}”: màn hình không còn đọc được bảng.',
  noUnit: 'Bạn không điều phối đơn vị nào nên không tạo được màn hình.',
};
export type DisplaysStrings = typeof vi;
const en: DisplaysStrings = {
  title: 'Wall displays',
  intro:
    "A wall display (staff room, office) shows only the unit's board with students' names hidden, kept live, even after a reload or a power cut. It signs in as nobody and can read nothing else.",
  unit: 'Unit',
  label: 'Display name',
  labelPlaceholder: 'e.g. Staff room, ground floor',
  create: 'Create display',
  created: 'Display “{{label}}” created.',
  pairHow:
    "Open this link in the display's browser within 24 hours. It works once and will not be shown again.",
  copy: 'Copy link',
  copied: 'Copied',
  list: 'Displays',
  none: 'No display yet.',
  colLabel: 'Display',
  colUnit: 'Unit',
  colState: 'State',
  colSeen: 'Last seen',
  state: {
    waiting: 'Waiting to be paired',
    active: 'In use',
    revoked: 'Revoked',
    expired: 'Pairing expired',
  },
  never: 'Never',
  revoke: 'Revoke',
  confirmRevoke: 'Revoke “{{label}}”? The screen stops showing the board at once.',
  revoked: '“{{label}}” revoked: the screen can no longer read the board.',
  noUnit: 'You coordinate no unit, so you cannot create a display.',
};
registerStrings('displays', { vi, en });
