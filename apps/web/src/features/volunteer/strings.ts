import { registerStrings } from '../../i18n';

export const NS = 'volunteer';

const vi = {
  title: 'Nhận giúp đỡ học sinh',
  campaign: 'Đợt vận động: {{name}}',
  noCampaign: 'Chưa có đợt vận động nào đang mở.',
  intro:
    'Giúp đỡ là tự nguyện. Hãy cho biết thầy/cô nhận giúp được bao nhiêu em cùng lúc và dạy môn gì: điều phối viên dựa vào đó để đề nghị.',
  status: {
    volunteer: 'Thầy/cô đang nhận giúp đỡ: {{load}}/{{capacity}} em, còn {{spare}} chỗ.',
    full: 'Thầy/cô đã nhận đủ: {{load}}/{{capacity}} em. Các em đang giúp vẫn tiếp tục.',
    stopped: 'Thầy/cô chưa đăng ký nhận giúp đỡ.',
  },
  capacity: 'Số em nhận giúp đỡ cùng lúc',
  capacityHelp: 'Từ {{min}} đến 10 (không thấp hơn số em thầy/cô đang giúp hoặc được đề nghị).',
  subjects: 'Môn dạy / môn có thể kèm',
  subjectsHelp: 'Gõ tên môn rồi nhấn Enter.',
  save: 'Đăng ký nhận giúp đỡ',
  update: 'Cập nhật',
  saved: 'Đã lưu: thầy/cô nhận giúp đỡ {{capacity}} em, còn {{spare}} chỗ.',
  stop: 'Ngừng nhận thêm',
  stopTitle: 'Ngừng nhận thêm học sinh?',
  stopBody:
    'Thầy/cô sẽ không được đề nghị thêm hồ sơ mới. {{count}} em thầy/cô đang giúp (hoặc đang được đề nghị) vẫn tiếp tục như cũ.',
  stopped: 'Đã ngừng nhận thêm. {{count}} em đang giúp vẫn tiếp tục.',
  cases: 'Các em thầy/cô đang giúp',
  noCases: 'Chưa có em nào.',
  offered: 'Đang chờ thầy/cô trả lời',
  active: 'Đang giúp',
  openCase: 'Xem hồ sơ',
  answerOffer: 'Trả lời đề nghị',
  failed: 'Không thành công: {{message}}',
  loading: 'Đang tải…',
};

const en: typeof vi = {
  title: 'Helping pupils',
  campaign: 'Campaign: {{name}}',
  noCampaign: 'No campaign is open.',
  intro:
    'Helping is voluntary. Say how many pupils you can help at once and what you teach: the coordinator offers cases on that basis.',
  status: {
    volunteer: 'You volunteer: {{load}}/{{capacity}} pupils, {{spare}} places left.',
    full: 'You are full: {{load}}/{{capacity}} pupils. The pupils you help go on.',
    stopped: 'You have not volunteered.',
  },
  capacity: 'Pupils you can help at once',
  capacityHelp: 'From {{min}} to 10 (not below the pupils you help or have been offered).',
  subjects: 'Subjects you teach or can tutor',
  subjectsHelp: 'Type a subject and press Enter.',
  save: 'Volunteer',
  update: 'Update',
  saved: 'Saved: you help up to {{capacity}} pupils, {{spare}} places left.',
  stop: 'Take no more',
  stopTitle: 'Take no more pupils?',
  stopBody:
    'No new case will be offered to you. The {{count}} pupils you help (or were offered) go on as before.',
  stopped: 'You take no more pupils. The {{count}} you help go on.',
  cases: 'The pupils you help',
  noCases: 'None yet.',
  offered: 'Waiting for your answer',
  active: 'Helping',
  openCase: 'Open the case',
  answerOffer: 'Answer the offer',
  failed: 'Failed: {{message}}',
  loading: 'Loading…',
};

registerStrings(NS, { vi, en });
