import { registerStrings } from '../../i18n';

export const NS = 'notifications';

const vi = {
  bell: 'Thông báo',
  unread: '{{count}} thông báo chưa đọc',
  empty: 'Chưa có thông báo nào.',
  markAll: 'Đánh dấu đã đọc tất cả',
  case: 'Hồ sơ {{code}}',
  reportRound: 'Báo cáo đợt {{round}}',
  due: 'hạn {{day}}',
  mailed: 'đã gửi e-mail',
  mailHeld: 'e-mail đang chờ',
  settings: 'Cài đặt thông báo',
  outcome: {
    DONE: 'Việc này đã được hoàn thành.',
    EXPIRED: 'Việc này đã hết hạn.',
    CANCELLED: 'Việc này đã được huỷ.',
    OPEN: 'Việc này vẫn đang chờ người khác trong nhóm xử lý.',
    when: 'Lúc {{at}}',
    by: 'bởi {{name}}',
    case: 'Hồ sơ {{code}}',
    openCase: 'Mở hồ sơ',
    loading: 'Đang tải…',
  },
  prefs: {
    title: 'Thông báo qua e-mail',
    allMail: 'Nhận thông báo qua e-mail',
    byMail: 'Gửi e-mail cho những việc sau (chuông luôn hiện tất cả):',
    quietStart: 'Không gửi thư từ',
    quietEnd: 'đến',
    quietHint:
      'Giờ Việt Nam. Thư trong khoảng này được gửi khi hết giờ yên lặng; chọn hai giờ giống nhau để tắt.',
    language: 'Ngôn ngữ của thư',
    digest: 'Gộp thành một thư mỗi ngày lúc',
    noDigest: 'Không gộp (gửi từng thư)',
    save: 'Lưu',
    cancel: 'Huỷ',
  },
};

const en: typeof vi = {
  bell: 'Notifications',
  unread: '{{count}} unread notifications',
  empty: 'No notifications yet.',
  markAll: 'Mark all read',
  case: 'Case {{code}}',
  reportRound: 'Report round {{round}}',
  due: 'due {{day}}',
  mailed: 'e-mailed',
  mailHeld: 'e-mail pending',
  settings: 'Notification settings',
  outcome: {
    DONE: 'This task has been done.',
    EXPIRED: 'This task expired.',
    CANCELLED: 'This task was cancelled.',
    OPEN: 'This task is still waiting for someone else in the team.',
    when: 'On {{at}}',
    by: 'by {{name}}',
    case: 'Case {{code}}',
    openCase: 'Open the case',
    loading: 'Loading…',
  },
  prefs: {
    title: 'Notifications by e-mail',
    allMail: 'Receive notifications by e-mail',
    byMail: 'E-mail me about (the bell always shows everything):',
    quietStart: 'No mail from',
    quietEnd: 'to',
    quietHint: 'Vietnam time. Mails in this window go when it ends; pick the same hour twice to turn it off.',
    language: 'Language of the mails',
    digest: 'One daily digest at',
    noDigest: 'No digest (single mails)',
    save: 'Save',
    cancel: 'Cancel',
  },
};

registerStrings(NS, { vi, en });
