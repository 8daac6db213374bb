//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const AN_OFFICER_COVERS_A_PROVINCE: Text =
    ("admin.an_officer_covers_a_province", "cán bộ cần phụ trách một tỉnh", "an officer covers a province");
pub const A_SELLER_BELONGS_TO_A_STORE: Text =
    ("admin.a_seller_belongs_to_a_store", "người bán cần thuộc một gian hàng", "a seller belongs to a store");
pub const CHOOSE_A_ROLE: Text = ("admin.choose_a_role", "chọn vai trò", "choose a role");
pub const JOB: Text = ("admin.job", "việc nền", "job");
pub const NO_SUCH_PROVINCE: Text = ("admin.no_such_province", "không có tỉnh này", "no such province");
pub const NO_SUCH_STORE: Text = ("admin.no_such_store", "không có gian hàng này", "no such store");
pub const JOB_STATUS_ONE_OF: Text =
    ("admin.queued_running_done_or_failed", "queued, running, done hoặc failed", "queued, running, done or failed");
pub const RATE: Text = ("admin.rate", "tỷ giá", "rate");
pub const THE_JOB_IS_NO_LONGER_FAILED: Text =
    ("admin.the_job_is_no_longer_failed", "việc này không còn lỗi", "the job is no longer failed");
pub const EMAIL_HAS_AN_ACCOUNT: Text =
    ("admin.this_e_mail_already_has", "email này đã có tài khoản", "this e-mail already has an account");
pub const DONG_PER_DOLLAR: Text =
    ("admin.dong_per_dollar", "số đồng cho 1 USD, từ 10.000 đến 100.000", "đồng for one dollar, 10,000 to 100,000");
pub const ONLY_FAILED_JOBS: Text = (
    "admin.only_failed_jobs_are_retried",
    "việc này đang ở trạng thái {status}: chỉ việc lỗi mới chạy lại hoặc bỏ được",
    "this job is {status}: only failed jobs are retried or dropped",
);
pub const THE_SAME_WORK_IS_QUEUED_ALREADY: Text =
    ("admin.the_same_work_is_queued_already", "việc giống hệt đang chờ chạy", "the same work is queued already");

pub const TEXTS: &[Text] = &[
    AN_OFFICER_COVERS_A_PROVINCE,
    A_SELLER_BELONGS_TO_A_STORE,
    CHOOSE_A_ROLE,
    JOB,
    NO_SUCH_PROVINCE,
    NO_SUCH_STORE,
    JOB_STATUS_ONE_OF,
    RATE,
    THE_JOB_IS_NO_LONGER_FAILED,
    EMAIL_HAS_AN_ACCOUNT,
    DONG_PER_DOLLAR,
    ONLY_FAILED_JOBS,
    THE_SAME_WORK_IS_QUEUED_ALREADY,
];
