/**
 * Stable error codes with Vietnamese first and English second. The API turns an AppError into
 * a typed tRPC error carrying the code, so a client can react to the code, not the text.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input', http: 400 },
  STUDENT_NOT_FOUND: { vi: 'Không tìm thấy học sinh', en: 'Student not found', http: 404 },
  CAMPAIGN_NOT_FOUND: { vi: 'Không tìm thấy đợt vận động', en: 'Campaign not found', http: 404 },
  CASE_NOT_FOUND: { vi: 'Không tìm thấy hồ sơ', en: 'Case not found', http: 404 },
  STUDENT_OUTSIDE_CAMPAIGN: {
    vi: 'Học sinh không thuộc đơn vị của đợt vận động',
    en: 'The student is outside the campaign’s unit',
    http: 422,
  },
  CAMPAIGN_CLOSED: { vi: 'Đợt vận động đã kết thúc', en: 'The campaign is closed', http: 422 },
  WORKFLOW_UNAVAILABLE: {
    vi: 'Hệ thống xử lý hồ sơ tạm thời không phản hồi, vui lòng thử lại',
    en: 'The case engine is not answering, please retry',
    http: 503,
  },
  STEP_REJECTED: { vi: 'Thao tác không hợp lệ ở bước hiện tại', en: 'Not allowed at this step', http: 409 },
  CAPACITY_EXCEEDED: {
    vi: 'Giáo viên đã nhận đủ số học sinh đăng ký giúp đỡ',
    en: 'The teacher has reached the number of students they volunteered for',
    http: 409,
  },
  HELPER_NOT_FOUND: { vi: 'Không tìm thấy giáo viên', en: 'Teacher not found', http: 404 },
  HELPER_OUTSIDE_SCHOOL: {
    vi: 'Giáo viên không thuộc trường của học sinh',
    en: 'The teacher is not on the staff of the student’s school',
    http: 422,
  },
  NOT_ELIGIBLE: {
    vi: 'Học sinh không đủ điều kiện của cuộc vận động',
    en: 'The student does not meet the campaign’s rules',
    http: 422,
  },
  ACTOR_NOT_ALLOWED: {
    vi: 'Bạn không có vai trò cần thiết cho bước này của hồ sơ',
    en: 'You do not hold the role this step of the case needs',
    http: 403,
  },
  SCHOOL_NOT_FOUND: { vi: 'Không tìm thấy trường', en: 'School not found', http: 404 },
  UNAUTHENTICATED: { vi: 'Vui lòng đăng nhập', en: 'Please sign in', http: 401 },
  INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
    http: 401,
  },
  TOO_MANY_ATTEMPTS: {
    vi: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau ít phút',
    en: 'Too many failed sign-ins, please try again in a few minutes',
    http: 429,
  },
  FORBIDDEN: {
    vi: 'Bạn không có quyền thực hiện thao tác này',
    en: 'You are not allowed to do this',
    http: 403,
  },
  USER_NOT_FOUND: { vi: 'Không tìm thấy tài khoản', en: 'Account not found', http: 404 },
  CROSS_ORIGIN_REJECTED: {
    vi: 'Yêu cầu đến từ một trang web khác nên bị từ chối',
    en: 'Request from another website refused',
    http: 403,
  },
  ENCRYPTION_NOT_CONFIGURED: {
    vi: 'Máy chủ chưa có khóa mã hóa (DATA_KEY) để lưu hoàn cảnh gia đình',
    en: 'The server has no encryption key (DATA_KEY) for family circumstances',
    http: 503,
  },
  USERNAME_TAKEN: { vi: 'Tên đăng nhập đã được dùng', en: 'The username is already taken', http: 409 },
  EMAIL_TAKEN: { vi: 'Email đã được dùng cho tài khoản khác', en: 'The e-mail is already in use', http: 409 },
  UNIT_NOT_FOUND: { vi: 'Không tìm thấy đơn vị', en: 'Unit not found', http: 404 },
  ROLE_UNIT_MISMATCH: {
    vi: 'Vai trò không phù hợp với loại đơn vị',
    en: 'The role does not fit the kind of unit',
    http: 422,
  },
  LAST_ADMIN: {
    vi: 'Hệ thống phải còn ít nhất một quản trị viên đang hoạt động',
    en: 'The system must keep at least one active administrator',
    http: 409,
  },
  CANNOT_DISABLE_SELF: {
    vi: 'Bạn không thể tự khóa tài khoản của mình',
    en: 'You cannot disable your own account',
    http: 409,
  },
  UNIT_PARENT_INVALID: {
    vi: 'Đơn vị cấp trên không hợp lệ',
    en: 'Invalid parent unit',
    http: 422,
  },
  UNIT_CODE_TAKEN: { vi: 'Mã đơn vị đã được dùng', en: 'The unit code is already taken', http: 409 },
  CAPACITY_BELOW_LOAD: {
    vi: 'Số học sinh đăng ký nhận thấp hơn số học sinh giáo viên đang giúp đỡ hoặc được đề nghị',
    en: 'The capacity is below the number of students the teacher already helps or has been offered',
    http: 409,
  },
  CALENDAR_INVALID: {
    vi: 'Lịch năm học hoặc thiết lập của đợt vận động không hợp lệ',
    en: 'The campaign’s school-year calendar or settings are invalid',
    http: 422,
  },
  CAMPAIGN_EXISTS: {
    vi: 'Đơn vị đã có đợt vận động cho năm học này',
    en: 'The unit already has a campaign for this school year',
    http: 409,
  },
  // ── Case steps the database refused because another step got there first (workflows) ──
  TASK_NOT_OPEN: {
    vi: 'Nhiệm vụ không còn hiệu lực: một bước khác vừa được ghi trước',
    en: 'The task is no longer open: another step was recorded first',
    http: 409,
  },
  CASE_MOVED_ON: {
    vi: 'Hồ sơ đã chuyển sang bước khác (đã kết thúc hoặc chuyển trường)',
    en: 'The case has moved on (closed or transferred)',
    http: 409,
  },
  PAYLOAD_UNREADABLE: {
    vi: 'Không mở được dữ liệu Temporal: khóa không khớp hoặc dữ liệu đã bị sửa',
    en: 'Cannot open the Temporal payload: unknown key or tampered data',
    http: 422,
  },
  // — The personal-data law (consent, legal basis, the data subject's rights, breaches, holds) —
  CONSENT_CHILD_REQUIRED: {
    vi: 'Học sinh từ đủ 7 tuổi (hoặc chưa rõ ngày sinh): cần cả sự đồng ý của em',
    en: 'The child is 7 or older (or the birth date is unknown): the child’s own consent is needed too',
    http: 422,
  },
  CONSENT_COVERAGE_INCOMPLETE: {
    vi: 'Sự đồng ý phải bao gồm việc giúp đỡ em và việc nhà trường xử lý dữ liệu',
    en: 'The consent must cover helping the child and the school’s processing of the data',
    http: 422,
  },
  CONSENT_DATE_INVALID: {
    vi: 'Ngày đồng ý hoặc ngày ký phiếu không hợp lệ (sau hôm nay, trước ngày sinh, hoặc ký sau ngày đồng ý)',
    en: 'The consent or signing date is invalid (in the future, before the birth, or signed after the consent day)',
    http: 422,
  },
  CONSENT_WITNESS_INVALID: {
    vi: 'Hai cán bộ chứng kiến phải là cán bộ của trường và khác người ghi nhận',
    en: 'The two witnesses must be staff of the school, other than the person recording',
    http: 422,
  },
  CONSENT_NOT_RECORDED: {
    vi: 'Hồ sơ chưa có sự đồng ý xử lý dữ liệu hoặc căn cứ pháp lý thay thế',
    en: 'The case has no consent to processing nor a legal basis instead',
    http: 409,
  },
  CONSENT_ALREADY_WITHDRAWN: {
    vi: 'Sự đồng ý của hồ sơ này đã được rút lại',
    en: 'The consent for this case was already withdrawn',
    http: 409,
  },
  LEGAL_BASIS_NOT_FOUND: {
    vi: 'Không tìm thấy căn cứ pháp lý (hoặc căn cứ đã ngừng áp dụng)',
    en: 'Legal basis not found (or no longer in use)',
    http: 404,
  },
  LEGAL_BASIS_CODE_TAKEN: {
    vi: 'Mã căn cứ pháp lý đã được dùng',
    en: 'The legal basis code is already taken',
    http: 409,
  },
  SUBJECT_REQUEST_NOT_FOUND: { vi: 'Không tìm thấy yêu cầu', en: 'Request not found', http: 404 },
  SUBJECT_REQUEST_ANSWERED: {
    vi: 'Yêu cầu đã được trả lời',
    en: 'The request was already answered',
    http: 409,
  },
  SUBJECT_REQUEST_TIME_INVALID: {
    vi: 'Thời điểm không hợp lệ (sau hiện tại, hoặc trả lời trước khi nhận)',
    en: 'Invalid time (in the future, or answered before it was received)',
    http: 422,
  },
  CORRECTION_UNCHANGED: {
    vi: 'Giá trị mới giống giá trị đang lưu',
    en: 'The new value is the same as the one held',
    http: 409,
  },
  BREACH_NOT_FOUND: { vi: 'Không tìm thấy sự cố', en: 'Breach record not found', http: 404 },
  LEGAL_HOLD_NOT_FOUND: { vi: 'Không tìm thấy lệnh tạm giữ dữ liệu', en: 'Legal hold not found', http: 404 },
  INTERNAL: { vi: 'Lỗi hệ thống', en: 'Internal error', http: 500 },
  // ── Sign-in, the HTTP boundary, closed cases (issue 11, parts 2–4) ──
  PASSWORD_CHANGE_REQUIRED: {
    vi: 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục',
    en: 'Change your temporary password before you continue',
    http: 403,
  },
  PAYLOAD_TOO_LARGE: {
    vi: 'Yêu cầu quá lớn',
    en: 'The request is too large',
    http: 413,
  },
  PROCEDURE_NOT_FOUND: {
    vi: 'Không có chức năng này',
    en: 'No such operation',
    http: 404,
  },
  METHOD_NOT_ALLOWED: {
    vi: 'Chức năng này không nhận kiểu yêu cầu đã gửi',
    en: 'This operation does not accept that request method',
    http: 405,
  },
  BODY_NOT_JSON: {
    vi: 'Nội dung yêu cầu không phải JSON hợp lệ',
    en: 'The request body is not valid JSON',
    http: 400,
  },
  BIRTH_DATE_OUT_OF_RANGE: {
    vi: 'Ngày sinh không hợp lệ: học sinh phải từ 3 đến 25 tuổi trong năm học của đợt vận động',
    en: 'Implausible birth date: a pupil is 3 to 25 years old in the campaign’s school year',
    http: 422,
  },
  CASE_CLOSED: {
    vi: 'Hồ sơ đã kết thúc nên không nhận thêm thao tác',
    en: 'The case is closed and takes no further steps',
    http: 409,
  },
  // — Consent through the case workflow (issue 18) —
  CASE_NOT_RUNNING: {
    vi: 'Hồ sơ không còn được xử lý (đã không tiếp nhận hoặc dữ liệu cá nhân đã bị xóa): không ghi nhận được',
    en: 'The case is no longer processed (not taken on, or its personal data erased): nothing can be recorded',
    http: 409,
  },
  // —— class-list import and the new school year (issue 12, part 1) ——
  CLASS_LIST_NOT_XLSX: {
    vi: 'Tệp không phải bảng tính Excel .xlsx (hãy lưu lại dưới dạng .xlsx)',
    en: 'The file is not an Excel .xlsx workbook (save it as .xlsx)',
    http: 422,
  },
  CLASS_LIST_TOO_LARGE: {
    vi: 'Tệp danh sách lớn hơn 10 MB',
    en: 'The class-list file is larger than 10 MB',
    http: 413,
  },
  CLASS_LIST_TOO_MANY_ROWS: {
    vi: 'Tệp có hơn 5.000 dòng học sinh: hãy tách theo khối hoặc theo lớp',
    en: 'The file has more than 5,000 pupil rows: split it by grade or class',
    http: 422,
  },
  CLASS_LIST_ZIP_BOMB: {
    vi: 'Tệp bị nén bất thường (dung lượng giải nén quá lớn): không mở',
    en: 'The file is abnormally compressed (too large once unpacked): not opened',
    http: 422,
  },
  CLASS_LIST_SHEET_REQUIRED: {
    vi: 'Tệp có nhiều trang tính (có trang bị ẩn): hãy chọn trang cần nhập',
    en: 'The workbook has several sheets (some hidden): choose the sheet to import',
    http: 422,
  },
  CLASS_LIST_SHEET_NOT_FOUND: {
    vi: 'Không có trang tính này trong tệp',
    en: 'No such sheet in the workbook',
    http: 404,
  },
  CLASS_LIST_NO_HEADER: {
    vi: 'Không tìm thấy dòng tiêu đề (STT, Mã định danh, Họ và tên, …) trong 30 dòng đầu',
    en: 'No header row (STT, ministry id, name, …) in the first 30 rows',
    http: 422,
  },
  CLASS_LIST_MAPPING_INCOMPLETE: {
    vi: 'Cần chọn cột cho mã định danh, họ tên và lớp',
    en: 'Choose the columns for the ministry id, the name and the class',
    http: 422,
  },
  CLASS_LIST_UPLOAD_NOT_FOUND: {
    vi: 'Không tìm thấy tệp đã tải lên (có thể đã hết hạn): hãy tải lại',
    en: 'The uploaded file is gone (it may have expired): upload it again',
    http: 404,
  },
  CLASS_LIST_IMPORT_STARTED: {
    vi: 'Tệp này đang được nhập hoặc đã nhập xong',
    en: 'This file is being imported or already was',
    http: 409,
  },
  NEW_YEAR_ALREADY_DONE: {
    vi: 'Trường đã chuyển sang năm học mới này rồi',
    en: 'The school has already moved to this new school year',
    http: 409,
  },
  NEW_YEAR_NO_CLASSES: {
    vi: 'Trường chưa có lớp nào trong năm học này',
    en: 'The school has no classes in this school year',
    http: 422,
  },
  // —— end of class-list import ——
  // —— review fixes to report rounds / new school year (h/fix-reports) ——
  NEW_YEAR_NOT_CURRENT: {
    vi: 'Chỉ chuyển sang năm học hiện tại hoặc năm học kế tiếp',
    en: 'A school can only move to the current school year or the next one',
    http: 422,
  },
  // —— end of h/fix-reports ——
  // --- Report rounds (issue 12, parts 2–4) ---
  REPORT_NOT_FOUND: { vi: 'Không tìm thấy báo cáo', en: 'Report not found', http: 404 },
  REPORT_ROUND_UNKNOWN: {
    vi: 'Đợt vận động không có đợt báo cáo này',
    en: 'The campaign has no such report round',
    http: 404,
  },
  REPORT_NOT_OPEN: {
    vi: 'Báo cáo của đợt này chưa mở',
    en: 'This round’s report has not opened yet',
    http: 409,
  },
  COMMENDATION_NOT_FOUND: {
    vi: 'Không tìm thấy đề nghị khen thưởng',
    en: 'Commendation proposal not found',
    http: 404,
  },
  COMMENDATION_WRONG_STATE: {
    vi: 'Đề nghị khen thưởng không ở bước này (đã ký, đã quyết định hoặc chưa ký)',
    en: 'The commendation proposal is not at this step (already signed, decided, or not signed yet)',
    http: 409,
  },
  COMMENDATION_TEACHER_OUTSIDE_SCHOOL: {
    vi: 'Giáo viên không thuộc trường đề nghị',
    en: 'The teacher does not work at the proposing school',
    http: 422,
  },
  // —— privacy fixes: free text that names a pupil ——
  TEXT_NAMES_A_PUPIL: {
    vi: 'Nội dung có tên một học sinh của trường: hãy bỏ tên em ra khỏi nhận xét hoặc ghi chú',
    en: "The text names one of the school's pupils: take the child's name out of the remarks or note",
    http: 422,
  },
  // h12: pupils who repeat their grade at the new school year
  NEW_YEAR_REPEATER_INVALID: {
    vi: 'Học sinh lưu ban phải là học sinh đang học tại một lớp của trường trong năm học trước',
    en: "A pupil who repeats the grade must be in one of the school's classes of the year before",
    http: 422,
  },
  // setup: classes, homeroom teachers, asking a teacher (issue 14)
  CLASS_NOT_FOUND: { vi: 'Không tìm thấy lớp', en: 'Class not found', http: 404 },
  CLASS_NAME_TAKEN: {
    vi: 'Trường đã có lớp mang tên này trong năm học',
    en: 'The school already has a class with this name in that school year',
    http: 409,
  },
  CLASS_NOT_EMPTY: {
    vi: 'Lớp còn học sinh: hãy chuyển các em sang lớp khác trước khi lưu trữ lớp',
    en: 'The class still has pupils: move them to another class before archiving it',
    http: 409,
  },
  CLASS_ARCHIVED: {
    vi: 'Lớp đã được lưu trữ',
    en: 'The class is archived',
    http: 409,
  },
  HOMEROOM_NOT_TEACHER: {
    vi: 'Giáo viên chủ nhiệm phải là giáo viên của trường',
    en: 'The homeroom teacher must be a teacher of the school',
    http: 422,
  },
  // wall: the wall display (issue 14)
  DISPLAY_NOT_FOUND: { vi: 'Không tìm thấy màn hình', en: 'Display not found', http: 404 },
  DISPLAY_PAIR_INVALID: {
    vi: 'Mã ghép nối không đúng, đã dùng hoặc đã hết hạn: hãy tạo màn hình mới trong Bảng theo dõi',
    en: 'The pairing code is wrong, used or expired: create a new display from the board',
    http: 422,
  },
  DISPLAY_NOT_PAIRED: {
    vi: 'Màn hình này chưa được ghép nối hoặc đã bị thu hồi',
    en: 'This screen is not paired, or its display was revoked',
    http: 401,
  },
  // h13: a bell item's task, for someone never told of it
  NOTIFIED_TASK_NOT_FOUND: {
    vi: 'Không tìm thấy việc này trong thông báo của bạn',
    en: 'This task is not among your notifications',
    http: 404,
  },
  // phone: paper
  CASE_FILE_SCHOOL_ONLY: {
    vi: 'Chỉ cán bộ, giáo viên của trường phụ trách hồ sơ mới in được hồ sơ học sinh',
    en: 'Only the school staff on the case may print the case file',
    http: 403,
  },
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(ERROR_MESSAGES[code].vi);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function messageFor(code: ErrorCode, locale: 'vi' | 'en' = 'vi'): string {
  return ERROR_MESSAGES[code][locale];
}

// ── Why the case workflow refused a step (workflows) ─────────────────────────────────────────
// The workflow throws STEP_REJECTED with one of these codes in its details; the API answers
// STEP_REJECTED with `details.refusal` and both texts. The workflow imports only the type, so
// this table stays out of its bundle.
const stage = (vi: string, en: string) => ({ vi: `Hồ sơ không ở bước ${vi}`, en: `The case is not ${en}` });

export const STEP_REFUSALS = {
  NOT_AT_SCREENING: stage('sàng lọc', 'awaiting screening'),
  NOT_AT_ASSIGNMENT: stage('phân công', 'awaiting assignment'),
  NOT_AT_PLAN: stage('lập kế hoạch', 'at the planning step'),
  NOT_IN_HELP: stage('giúp đỡ', 'being helped'),
  NOT_AT_EVALUATION: stage('đánh giá học kỳ', 'at the semester evaluation'),
  NOT_AT_CLOSURE: stage('chờ kết thúc', 'awaiting a closure decision'),
  NOT_CLOSED: stage('đã kết thúc', 'closed'),
  NOT_IN_PROGRESS: stage('đang xử lý', 'in progress'),
  NOT_BEING_HELPED: stage('đang giúp đỡ', 'in active help'),
  STEP_BUSY: { vi: 'Bước này đang được xử lý', en: 'This step is being processed' },
  TASK_STALE: { vi: 'Nhiệm vụ không còn hiệu lực', en: 'The task is no longer open' },
  DECLINE_REASON_REQUIRED: {
    vi: 'Cần nêu lý do không tiếp nhận',
    en: 'Give the reason for not taking the case',
  },
  OFFER_PENDING: {
    vi: 'Đang chờ giáo viên trả lời lời mời trước',
    en: 'Waiting for the teacher to answer the previous offer',
  },
  HELPER_ALSO_CO_HELPER: {
    vi: 'Giáo viên phụ trách không thể đồng thời là người hỗ trợ',
    en: 'The lead teacher cannot also be a co-helper',
  },
  CO_HELPERS_DUPLICATED: { vi: 'Danh sách người hỗ trợ bị trùng', en: 'A co-helper is listed twice' },
  OFFER_STALE: { vi: 'Lời mời không còn hiệu lực', en: 'The offer is no longer open' },
  NOT_OFFERED_TEACHER: {
    vi: 'Chỉ giáo viên được mời mới trả lời được',
    en: 'Only the teacher who was offered the case can answer',
  },
  REFUSAL_REASON_REQUIRED: { vi: 'Cần nêu lý do từ chối', en: 'Give the reason for declining' },
  PLAN_UNDER_REVIEW: { vi: 'Kế hoạch đang chờ duyệt', en: 'The plan is awaiting review' },
  ONLY_HELPER_PLANS: {
    vi: 'Chỉ giáo viên phụ trách mới lập kế hoạch',
    en: 'Only the lead teacher writes the plan',
  },
  PLAN_KIND_REQUIRED: { vi: 'Chọn ít nhất một hình thức giúp đỡ', en: 'Choose at least one kind of help' },
  NO_PLAN_TO_REVIEW: { vi: 'Không có kế hoạch chờ duyệt', en: 'No plan is awaiting review' },
  PLAN_SELF_REVIEW: {
    vi: 'Người lập kế hoạch không tự duyệt kế hoạch của mình',
    en: 'The plan’s author cannot review it',
  },
  PLAN_RETURN_COMMENT_REQUIRED: {
    vi: 'Cần ghi nhận xét khi trả lại kế hoạch',
    en: 'Add a comment when returning the plan',
  },
  // —— correcting a filed check-in (issue 12, part 1) ——
  NO_CHECKIN_FILED: {
    vi: 'Không có cập nhật hằng tháng đã nộp cho tháng này trong học kỳ hiện tại',
    en: 'No check-in was filed for this month in the current term',
  },
  AMEND_REASON_REQUIRED: {
    vi: 'Cần nêu lý do sửa (5–500 ký tự)',
    en: 'Give the reason for the correction (5 to 500 characters)',
  },
  NO_CHECKIN_PENDING: {
    vi: 'Không có cập nhật hằng tháng nào đang chờ với mã này',
    en: 'No monthly check-in is waiting under this id',
  },
  ONLY_HELPER_FILES_CHECKIN: {
    vi: 'Chỉ giáo viên phụ trách mới nộp cập nhật hằng tháng',
    en: 'Only the lead teacher files the monthly check-in',
  },
  NOT_A_FOLLOW_UP: {
    vi: 'Nhiệm vụ này không phải một cảnh báo cần xử lý',
    en: 'This task is not an alert to follow up',
  },
  TERM_BEING_PLANNED: {
    vi: 'Học kỳ của hồ sơ đang được lập lịch, vui lòng thử lại',
    en: 'The case’s semester is being scheduled, please retry',
  },
  TERM_ALREADY_EVALUATED: { vi: 'Học kỳ này đã có đánh giá', en: 'This semester already has an evaluation' },
  EARLY_EVALUATION_REASON_REQUIRED: {
    vi: 'Cần nêu lý do đánh giá sớm',
    en: 'Give the reason for evaluating early',
  },
  NO_EVALUATION_DRAFT_PENDING: {
    vi: 'Không có bản đánh giá đang chờ viết',
    en: 'No evaluation is waiting to be drafted',
  },
  ONLY_HELPER_DRAFTS_EVALUATION: {
    vi: 'Chỉ giáo viên phụ trách mới viết đánh giá',
    en: 'Only the lead teacher drafts the evaluation',
  },
  NO_EVALUATION_TO_REVIEW: {
    vi: 'Không có bản đánh giá chờ xem xét',
    en: 'No evaluation is awaiting review',
  },
  EVALUATION_SELF_REVIEW: {
    vi: 'Người viết đánh giá không tự xem xét đánh giá của mình',
    en: 'The evaluation’s author cannot review it',
  },
  EVALUATION_RETURN_COMMENT_REQUIRED: {
    vi: 'Cần ghi nhận xét khi trả lại đánh giá',
    en: 'Add a comment when returning the evaluation',
  },
  NO_EVALUATION_TO_SIGN_OFF: {
    vi: 'Không có bản đánh giá chờ ký duyệt',
    en: 'No evaluation is awaiting sign-off',
  },
  EVALUATION_SELF_SIGN_OFF: {
    vi: 'Người viết đánh giá không tự ký duyệt',
    en: 'The evaluation’s author cannot sign it off',
  },
  TRANSFER_PENDING: { vi: 'Hồ sơ đang chờ chuyển trường', en: 'The case is awaiting a transfer' },
  CLOSURE_NOTE_REQUIRED: { vi: 'Cần ghi rõ lý do kết thúc', en: 'Describe the reason for closing' },
  NO_CLOSURE_PROPOSED: { vi: 'Không có đề xuất kết thúc', en: 'No closure has been proposed' },
  CLOSURE_REFUSAL_COMMENT_REQUIRED: {
    vi: 'Cần ghi nhận xét khi không duyệt kết thúc',
    en: 'Add a comment when refusing the closure',
  },
  REOPEN_REASON_REQUIRED: { vi: 'Cần nêu lý do mở lại hồ sơ', en: 'Give the reason for reopening the case' },
  TRANSFER_ALREADY_REQUESTED: {
    vi: 'Hồ sơ đã có đề nghị chuyển trường',
    en: 'A transfer has already been requested',
  },
  TRANSFER_SAME_SCHOOL: {
    vi: 'Trường nhận phải khác trường hiện tại',
    en: 'The receiving school must differ from the current one',
  },
  NO_TRANSFER_PENDING: { vi: 'Không có đề nghị chuyển trường', en: 'No transfer is pending' },
  ALREADY_THE_HELPER: { vi: 'Giáo viên này đang phụ trách hồ sơ', en: 'This teacher already leads the case' },
  REPLACE_REASON_REQUIRED: {
    vi: 'Cần nêu lý do thay giáo viên',
    en: 'Give the reason for replacing the teacher',
  },
  NO_RETURN_CHECK_PENDING: {
    vi: 'Không có xác nhận trở lại trường đang chờ',
    en: 'No back-to-school confirmation is waiting',
  },
  ONLY_HELPER_CONFIRMS_RETURN: {
    vi: 'Chỉ giáo viên phụ trách mới xác nhận',
    en: 'Only the lead teacher can confirm',
  },
  NOT_RETURNED_NOTE_REQUIRED: {
    vi: 'Cần ghi chú tình hình khi học sinh chưa trở lại',
    en: 'Add a note when the student has not come back',
  },
  CASE_NOT_STARTED: { vi: 'Hồ sơ chưa được tạo', en: 'The case has not been created yet' },
  NOTE_LENGTH: { vi: 'Ghi chú phải có từ 1 đến 2000 ký tự', en: 'A note must have 1 to 2000 characters' },
  // — Consent recorded through the workflow; retention applied to an old closed case (issue 18) —
  RECORDING_ID_REQUIRED: {
    vi: 'Thiếu mã của lần ghi nhận',
    en: 'The recording has no id',
  },
  RETENTION_ALREADY_RUNNING: {
    vi: 'Hồ sơ đã có lịch xóa dữ liệu cá nhân',
    en: 'The case already waits for its erasure day',
  },
  // --- Report rounds (issue 12, parts 2–4) ---
  REPORT_NOT_EDITABLE: {
    vi: 'Báo cáo đã gửi hoặc đã được duyệt nên trường không sửa được nữa',
    en: 'The report was submitted or accepted: the school can no longer change it',
  },
  REPORT_STALE_VERSION: {
    vi: 'Báo cáo vừa được người khác sửa: hãy tải lại rồi làm tiếp',
    en: 'Someone else just changed the report: reload it and try again',
  },
  REPORT_NOT_SIGNED: {
    vi: 'Hiệu trưởng cần ký báo cáo trước khi gửi',
    en: 'The principal must sign the report before it is sent',
  },
  REPORT_ALREADY_SIGNED: { vi: 'Phiên bản này đã được ký', en: 'This version is already signed' },
  REPORT_NOT_SUBMITTED: {
    vi: 'Báo cáo chưa được gửi lên phòng/sở',
    en: 'The report has not been submitted to the office',
  },
  REPORT_RETURN_COMMENT_REQUIRED: {
    vi: 'Cần ghi lý do trả lại báo cáo',
    en: 'Give the reason for returning the report',
  },
  // h12: a check-in correction named by its form's id
  AMENDMENT_ID_REQUIRED: {
    vi: 'Thiếu mã của lần sửa phiếu theo dõi',
    en: 'The correction has no id',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type StepRefusal = keyof typeof STEP_REFUSALS;

export function isStepRefusal(code: unknown): code is StepRefusal {
  return typeof code === 'string' && Object.hasOwn(STEP_REFUSALS, code);
}
