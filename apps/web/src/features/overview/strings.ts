import { registerStrings } from '../../i18n';

export const NS = 'overview';

const vi = {
  title: 'Tổng quan các trường',
  intro:
    'Số liệu theo trường trong phạm vi của bạn: không có tên học sinh. Bấm vào hồ sơ trên bảng theo dõi để xem chi tiết.',
  loading: 'Đang tải số liệu…',
  loadError: 'Không tải được số liệu: {{message}}',
  empty: 'Chưa có trường nào trong phạm vi của bạn.',
  totals: {
    cases: 'Hồ sơ',
    schools: 'Trường',
    overdueRate: 'Tỉ lệ quá hạn',
    overdueOf: '{{overdue}}/{{total}} hồ sơ',
    highRisk: 'Rủi ro cao',
    checkIns: 'Báo cáo tháng',
    lateOf: '{{late}} nộp muộn',
    hours: 'Giờ dạy kèm',
    vnd: 'Hỗ trợ vật chất',
  },
  charts: {
    stages: 'Hồ sơ theo bước, từng trường',
    categories: 'Hồ sơ theo diện',
    noData: 'Chưa có hồ sơ để vẽ biểu đồ.',
    cases: 'hồ sơ',
  },
  table: {
    title: 'Chi tiết từng trường',
    school: 'Trường',
    total: 'Tổng',
    overdue: 'Quá hạn',
    highRisk: 'Rủi ro cao',
    checkIns: 'Báo cáo tháng',
    hours: 'Giờ dạy kèm',
    vnd: 'Hỗ trợ (₫)',
  },
  export: {
    button: 'Tải danh sách hồ sơ (Excel .xlsx)',
    audited:
      'Mỗi lần xuất được ghi vào nhật ký kiểm tra. Tệp chỉ có tên học sinh ở những hồ sơ bạn được xem tên.',
    done: 'Đã xuất {{rows}} hồ sơ ({{named}} có tên học sinh).',
    truncated: 'Danh sách bị cắt bớt vì quá dài; hãy lọc theo trường.',
    error: 'Không xuất được: {{message}}',
  },
};
type Shape = typeof vi;
const en: Shape = {
  title: 'Overview of schools',
  intro: 'Figures per school within your scope: no student names. Open a case from the board for details.',
  loading: 'Loading figures…',
  loadError: 'Could not load the figures: {{message}}',
  empty: 'No schools within your scope yet.',
  totals: {
    cases: 'Cases',
    schools: 'Schools',
    overdueRate: 'Overdue rate',
    overdueOf: '{{overdue}}/{{total}} cases',
    highRisk: 'High risk',
    checkIns: 'Monthly check-ins',
    lateOf: '{{late}} late',
    hours: 'Tutoring hours',
    vnd: 'Material help',
  },
  charts: {
    stages: 'Cases by stage, per school',
    categories: 'Cases by category',
    noData: 'No cases to chart yet.',
    cases: 'cases',
  },
  table: {
    title: 'Per school',
    school: 'School',
    total: 'Total',
    overdue: 'Overdue',
    highRisk: 'High risk',
    checkIns: 'Check-ins',
    hours: 'Tutoring hours',
    vnd: 'Help (₫)',
  },
  export: {
    button: 'Download the case list (Excel .xlsx)',
    audited:
      'Every export is written to the audit log. The file names students only on cases whose names you may see.',
    done: 'Exported {{rows}} cases ({{named}} with student names).',
    truncated: 'The list was truncated because it is too long; filter by school.',
    error: 'Export failed: {{message}}',
  },
};

registerStrings(NS, { vi, en });
