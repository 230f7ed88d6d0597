import { registerStrings } from '../../i18n';

export const REGISTER_NS = 'privacy-register';

const vi = {
  title: 'Sổ theo dõi căn cứ xử lý và xóa dữ liệu',
  explain:
    'Với từng hồ sơ: dữ liệu của trẻ được xử lý theo sự đồng ý hay căn cứ pháp lý nào, và đã được xóa đúng hạn chưa. Chỉ có mã hồ sơ, không có tên học sinh. Dòng cần chú ý được xếp trước.',
  asOf: 'Tính đến ngày {{day}}',
  flaggedOnly: 'Chỉ dòng cần chú ý',
  download: 'Tải tệp JSON',
  truncated: 'Chỉ hiện {{count}} dòng đầu; tải tệp để xem đủ theo bộ lọc.',
  summary: {
    cases: 'Hồ sơ',
    flagged: 'Cần chú ý',
    historiesDeleted: 'Đã xóa lịch sử Temporal',
  },
  columns: {
    code: 'Mã hồ sơ',
    school: 'Trường',
    stage: 'Giai đoạn',
    basis: 'Căn cứ xử lý',
    since: 'Từ ngày',
    eraseOn: 'Hạn xóa',
    erasure: 'Xóa dữ liệu',
    history: 'Lịch sử Temporal',
  },
  basis: {
    consent: 'Có sự đồng ý',
    legal_basis: 'Căn cứ pháp lý',
    withdrawn: 'Đã rút đồng ý',
    awaiting: 'Đang chờ ghi nhận',
    not_needed: 'Không tiếp nhận',
    missing: 'Thiếu căn cứ',
  },
  erasure: {
    kept: 'Đang lưu',
    scheduled: 'Đã hẹn ngày xóa',
    held: 'Tạm dừng (giữ theo yêu cầu pháp lý)',
    overdue: 'Quá hạn xóa',
    erased: 'Đã xóa',
  },
  empty: 'Không có hồ sơ nào.',
};

const en: typeof vi = {
  title: 'Register of processing bases and erasures',
  explain:
    "For each case: on which consent or legal basis the child's data is processed, and whether it was erased on time. Case codes only, no pupil's name. Rows needing attention come first.",
  asOf: 'As of {{day}}',
  flaggedOnly: 'Only rows needing attention',
  download: 'Download JSON',
  truncated: 'Only the first {{count}} rows are shown; download the file for all of them.',
  summary: {
    cases: 'Cases',
    flagged: 'Need attention',
    historiesDeleted: 'Temporal histories deleted',
  },
  columns: {
    code: 'Case code',
    school: 'School',
    stage: 'Stage',
    basis: 'Basis',
    since: 'Since',
    eraseOn: 'Erase on',
    erasure: 'Erasure',
    history: 'Temporal history',
  },
  basis: {
    consent: 'Consent',
    legal_basis: 'Legal basis',
    withdrawn: 'Consent withdrawn',
    awaiting: 'Awaiting consent',
    not_needed: 'Declined at screening',
    missing: 'No basis',
  },
  erasure: {
    kept: 'Kept',
    scheduled: 'Erasure scheduled',
    held: 'Paused (legal hold)',
    overdue: 'Erasure overdue',
    erased: 'Erased',
  },
  empty: 'No cases.',
};

registerStrings(REGISTER_NS, { vi, en });
