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
