import { registerStrings } from '../../i18n';

export const NS = 'notifications';

const vi = {
  bell: 'Thông báo',
  unread: '{{count}} thông báo chưa đọc',
  empty: 'Chưa có thông báo nào.',
  markAll: 'Đánh dấu đã đọc tất cả',
  case: 'Hồ sơ {{code}}',
  due: 'hạn {{day}}',
  mailed: 'đã gửi e-mail',
  mailHeld: 'e-mail đang chờ',
};

const en: typeof vi = {
  bell: 'Notifications',
  unread: '{{count}} unread notifications',
  empty: 'No notifications yet.',
  markAll: 'Mark all read',
  case: 'Case {{code}}',
  due: 'due {{day}}',
  mailed: 'e-mailed',
  mailHeld: 'e-mail pending',
};

registerStrings(NS, { vi, en });
