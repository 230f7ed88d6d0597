import { registerStrings } from '../i18n';

export const NS = 'offline';

const vi = {
  waiting: 'Báo cáo tháng của {{code}} đang chờ gửi: chưa có mạng. Máy sẽ tự gửi khi có mạng trở lại.',
  sent: 'Đã gửi báo cáo tháng của {{code}} khi có mạng trở lại.',
  refused:
    'Báo cáo tháng của {{code}} chưa được nhận: {{message}}. Bản nháp vẫn còn, hãy mở lại việc để sửa.',
  dismiss: 'Đóng',
  lost: 'Báo cáo tháng của {{code}} chưa được nhận: hồ sơ không còn chờ báo cáo này (đã đóng hoặc đã chuyển). Bản nháp vẫn còn; hãy báo cho điều phối viên.',
};

const en: typeof vi = {
  waiting:
    'The monthly check-in of {{code}} is waiting to be sent: no connection. It will be sent when the line returns.',
  sent: 'The monthly check-in of {{code}} was sent when the line returned.',
  refused:
    'The monthly check-in of {{code}} was not accepted: {{message}}. The draft is kept: open the task to correct it.',
  dismiss: 'Close',
  lost: 'The monthly check-in of {{code}} was not filed: the case no longer waits for it (closed or transferred). The draft is kept; tell your coordinator.',
};

registerStrings(NS, { vi, en });
