import { registerStrings } from '../../i18n';

const vi = {
  title: 'Bảng theo dõi hồ sơ',
  status: {
    connecting: 'Đang kết nối…',
    live: 'Trực tiếp',
    paused: 'Mất kết nối — đang thử lại, bảng sẽ tự cập nhật',
  },
  present: 'Chế độ trình chiếu',
  stopPresenting: 'Thoát chế độ trình chiếu',
  privacyNamed: 'Tên học sinh chỉ hiện cho cán bộ của trường và giáo viên phụ trách.',
  privacyMasked: 'Bảng chỉ hiện mã hồ sơ, lớp và trường — không hiện tên học sinh.',
  loadError: 'Không tải được bảng',
  noCases: 'Chưa có hồ sơ',
  truncated: 'Chỉ hiện 5.000 hồ sơ mới nhất; hãy lọc theo trường.',
  filters: {
    school: 'Trường',
    className: 'Lớp',
    category: 'Diện',
    risk: 'Mức rủi ro',
    helper: 'Giáo viên giúp đỡ',
    overdue: 'Chỉ hồ sơ quá hạn',
    all: 'Tất cả',
    clear: 'Bỏ lọc',
    shown: '{{shown}}/{{total}} hồ sơ',
  },
  risk: { high: 'Nguy cơ cao', medium: 'Trung bình', low: 'Thấp' },
  overdue: 'Quá hạn',
  classPrefix: 'Lớp',
  // wall (issue 14)
  search: {
    label: 'Tìm hồ sơ',
    named: 'Tên học sinh hoặc mã hồ sơ',
    masked: 'Mã hồ sơ',
  },
  // fix2: the columns are a region inside the shell's one <main>
  columns: 'Các cột theo giai đoạn hồ sơ',
};
export type BoardStrings = typeof vi;
const en: BoardStrings = {
  title: 'Case board',
  status: {
    connecting: 'Connecting…',
    live: 'Live',
    paused: 'Disconnected — retrying, the board will catch up',
  },
  present: 'Presentation mode',
  stopPresenting: 'Leave presentation mode',
  privacyNamed: 'Student names are shown to the school’s staff and helping teachers only.',
  privacyMasked: 'Cards show case code, class and school only — no student names.',
  loadError: 'Could not load the board',
  noCases: 'No cases',
  truncated: 'Only the 5,000 most recent cases are shown; filter by school.',
  filters: {
    school: 'School',
    className: 'Class',
    category: 'Category',
    risk: 'Risk',
    helper: 'Helper',
    overdue: 'Overdue only',
    all: 'All',
    clear: 'Clear filters',
    shown: '{{shown}}/{{total}} cases',
  },
  risk: { high: 'High risk', medium: 'Medium', low: 'Low' },
  overdue: 'Overdue',
  classPrefix: 'Class',
  // wall (issue 14)
  search: {
    label: 'Find a case',
    named: 'Student name or case code',
    masked: 'Case code',
  },
  columns: 'Columns by case stage',
};
registerStrings('board', { vi, en });
