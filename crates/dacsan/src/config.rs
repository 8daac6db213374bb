//! The command line and the settings it carries: one clap struct per subcommand,
//! every option also readable from a `DACSAN_…` environment variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "dacsan",
    version,
    about = "Đặc sản: a market, a digital brand and a programme office for the specialty products of Vietnam's northern mountains"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web site and the API.
    Serve(ServeArgs),
    /// Serve on a database filled with the demo region (filled when empty).
    Demo(DemoArgs),
    /// Run the database migrations and exit.
    Migrate(DbArgs),
    /// Rebuild the search index from the database (running servers within seconds).
    Reindex(DbArgs),
    /// Copy the SQLite database to FILE, consistently, while it is in use.
    Backup(BackupArgs),
    /// Put a backup FILE back in place of the SQLite database (servers stopped); the
    /// database it replaces is kept beside it.
    Restore(BackupArgs),
    /// Re-encrypt every secret sealed in the database (producers' own carrier
    /// accounts) with DACSAN_NEW_SECRET_KEY, in one transaction; then start the
    /// servers with that key as DACSAN_SECRET_KEY. Stop the servers first.
    RotateKey(RotateKeyArgs),
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Bring data in from files.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write files out: `dacsan export registry-template FILE.xlsx`.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Traceability records: `dacsan trace verify FILE`.
    #[command(subcommand)]
    Trace(TraceCommand),
}

#[derive(Debug, Subcommand)]
pub enum TraceCommand {
    /// Checks a batch record (from /api/v1/batches/{id}/record) offline: every hash,
    /// link and the signature; names the first record that does not verify.
    Verify(TraceVerifyArgs),
}

#[derive(Debug, Clone, Args)]
pub struct TraceVerifyArgs {
    pub file: PathBuf,
    /// The published public key: base64, the JSON of /.well-known/dacsan-trace-key,
    /// or a file holding either.
    #[arg(long)]
    pub key: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// Database URL: a SQLite file path or `sqlite://…`, or `postgres://…`.
    #[arg(long, env = "DACSAN_DATABASE_URL", default_value = "dacsan.db")]
    pub database: String,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "DACSAN_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub db: DbArgs,
    /// Mark session cookies `Secure` (set when served over HTTPS).
    #[arg(long, env = "DACSAN_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Sign-in attempts allowed per minute from one address.
    #[arg(long, env = "DACSAN_SIGNIN_PER_MINUTE", default_value_t = 10)]
    pub signin_per_minute: u32,
    /// Minutes a bank-transfer order holds its stock while waiting for the money.
    #[arg(long, env = "DACSAN_PAYMENT_MINUTES", default_value_t = 30)]
    pub payment_minutes: u64,
    /// The key bank-hook services (SePay `Apikey`, Casso signature) use.
    #[arg(long, env = "DACSAN_BANK_WEBHOOK_KEY", default_value = "", hide_env_values = true)]
    pub bank_webhook_key: Secret,
    /// SMTP server for e-mail to buyers and sellers: `smtps://user:pass@host:465`,
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS) or `smtp://host:25` (plain,
    /// for a local relay). Unset: notifications stay in the app.
    #[arg(long, env = "DACSAN_SMTP_URL", default_value = "", hide_env_values = true)]
    pub smtp_url: Secret,
    /// The sender of those e-mails, e.g. `Đặc sản <no-reply@dacsan.vn>`.
    #[arg(long, env = "DACSAN_MAIL_FROM", default_value = "")]
    pub mail_from: String,
    /// The site's public address, printed in QR codes and Digital Link URLs
    /// (`https://dacsan.example.vn`); `http://` + the listen address when left out.
    #[arg(long, env = "DACSAN_PUBLIC_URL", default_value = "")]
    pub public_url: String,
    /// A serial label scanned more often than this is flagged as a possible copy.
    #[arg(long, env = "DACSAN_SCAN_ALERT_COUNT", default_value_t = 20)]
    pub scan_alert_count: i64,
    /// A serial label scanned from this many different places is flagged too.
    #[arg(long, env = "DACSAN_SCAN_ALERT_PLACES", default_value_t = 3)]
    pub scan_alert_places: usize,
    /// The key that encrypts secrets kept in the database (producers' own carrier
    /// accounts): 32 random bytes as base64 or 64 hex digits, e.g. from `openssl
    /// rand -base64 32`. Unset: producers cannot save their own carrier accounts,
    /// and a database that holds encrypted values refuses to start.
    #[arg(long, env = "DACSAN_SECRET_KEY", default_value = "", hide_env_values = true)]
    pub secret_key: Secret,
    /// The platform's GS1 Company Prefix (licensed by GS1 Vietnam, 893…), under which
    /// dacsan numbers the parcels it prints its own labels for (SSCC, AI 00). Unset:
    /// those labels carry no SSCC.
    #[arg(long, env = "DACSAN_GS1_COMPANY_PREFIX", value_parser = parse_company_prefix)]
    pub gs1_company_prefix: Option<gs1::CompanyPrefix>,
    #[command(flatten)]
    pub carriers: CarrierArgs,
}

/// `dacsan rotate-key`: the key in use and the new one (better given in the
/// environment than on a command line that others can list).
#[derive(Debug, Clone, Args)]
pub struct RotateKeyArgs {
    /// The key the values are sealed with now.
    #[arg(long, env = "DACSAN_SECRET_KEY", default_value = "", hide_env_values = true)]
    pub secret_key: Secret,
    /// The key to seal them with from now on (32 random bytes, base64 or hex).
    #[arg(long, env = "DACSAN_NEW_SECRET_KEY", default_value = "", hide_env_values = true)]
    pub new_secret_key: Secret,
    #[command(flatten)]
    pub db: DbArgs,
}

fn parse_company_prefix(value: &str) -> Result<gs1::CompanyPrefix, String> {
    gs1::CompanyPrefix::parse(value).map_err(|e| format!("not a GS1 Company Prefix (4 to 12 digits): {e}"))
}

/// The carriers' APIs. Each `_URL` is the base their documented paths follow
/// (GHN's `…/shiip/public-api`); a carrier without its URL and token is not offered
/// for booking, though its rate card still prices deliveries.
#[derive(Debug, Clone, Args, Default)]
pub struct CarrierArgs {
    #[arg(long, env = "DACSAN_GHN_URL", default_value = "")]
    pub ghn_url: String,
    #[arg(long, env = "DACSAN_GHN_TOKEN", default_value = "", hide_env_values = true)]
    pub ghn_token: Secret,
    #[arg(long, env = "DACSAN_GHN_SHOP_ID", default_value = "")]
    pub ghn_shop_id: String,
    #[arg(long, env = "DACSAN_GHTK_URL", default_value = "")]
    pub ghtk_url: String,
    #[arg(long, env = "DACSAN_GHTK_TOKEN", default_value = "", hide_env_values = true)]
    pub ghtk_token: Secret,
    #[arg(long, env = "DACSAN_VIETTELPOST_URL", default_value = "")]
    pub viettelpost_url: String,
    #[arg(long, env = "DACSAN_VIETTELPOST_TOKEN", default_value = "", hide_env_values = true)]
    pub viettelpost_token: Secret,
    #[arg(long, env = "DACSAN_VNPOST_URL", default_value = "")]
    pub vnpost_url: String,
    #[arg(long, env = "DACSAN_VNPOST_TOKEN", default_value = "", hide_env_values = true)]
    pub vnpost_token: Secret,
    /// The secret carried as `?token=` by the notification URL registered with
    /// each carrier (`/api/v1/shipping/webhooks/{carrier}?token=…`). Unset: every
    /// notification is refused.
    #[arg(long, env = "DACSAN_SHIPPING_WEBHOOK_TOKEN", default_value = "", hide_env_values = true)]
    pub shipping_webhook_token: Secret,
}

impl CarrierArgs {
    /// The carriers whose API is configured: `(carrier, base URL, token, shop id)`.
    pub fn configured(&self) -> Vec<(&'static str, String, String, Option<String>)> {
        let shop = (!self.ghn_shop_id.trim().is_empty()).then(|| self.ghn_shop_id.trim().to_string());
        [
            ("ghn", &self.ghn_url, &self.ghn_token, shop),
            ("ghtk", &self.ghtk_url, &self.ghtk_token, None),
            ("viettelpost", &self.viettelpost_url, &self.viettelpost_token, None),
            ("vnpost", &self.vnpost_url, &self.vnpost_token, None),
        ]
        .into_iter()
        .filter(|(_, url, token, _)| !url.trim().is_empty() && !token.0.trim().is_empty())
        .map(|(name, url, token, shop)| (name, url.trim().to_string(), token.0.trim().to_string(), shop))
        .collect()
    }

    /// Each carrier's API address the settings give, token or not: a producer's
    /// own account books there.
    pub fn base_urls(&self) -> Vec<(&'static str, String)> {
        [
            ("ghn", &self.ghn_url),
            ("ghtk", &self.ghtk_url),
            ("viettelpost", &self.viettelpost_url),
            ("vnpost", &self.vnpost_url),
        ]
        .into_iter()
        .filter(|(_, url)| !url.trim().is_empty())
        .map(|(name, url)| (name, url.trim().to_string()))
        .collect()
    }
}

/// A secret setting: never printed in logs or `Debug`.
#[derive(Clone, Default)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() { "(unset)" } else { "(redacted)" })
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_string()))
    }
}

#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub serve: ServeArgs,
    /// Add synthetic products until the catalog holds this many (for benchmarks).
    #[arg(long)]
    pub products: Option<usize>,
    /// Fill the database and exit without serving.
    #[arg(long)]
    pub no_serve: bool,
}

#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// Where to write the copy.
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user, or update the password and role of an existing one.
    Add(UserAddArgs),
}

#[derive(Debug, Clone, Args)]
pub struct UserAddArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub password: String,
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// Display name (defaults to the part of the email before `@`).
    #[arg(long)]
    pub name: Option<String>,
    /// For sellers: the slug of the producer they work for (repeatable).
    #[arg(long)]
    pub producer: Vec<String>,
    /// For officers: the code of a province they cover (repeatable).
    #[arg(long)]
    pub province: Vec<String>,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Reconcile a bank statement (CSV or Excel) like the bank webhook: every
    /// incoming row pays its order, or waits in the unmatched inbox.
    BankStatement(BankStatementArgs),
    /// Import the province's registry of producers and products from its workbook
    /// (sheets `Cơ sở` and `Sản phẩm`; `dacsan export registry-template` gives an
    /// empty one). Prints what is created, updated or unchanged and every problem
    /// row; with errors nothing is written unless `--valid-only`. Importing the same
    /// file again updates, never duplicates. At most 25 MB and 200 000 rows.
    Registry(RegistryImportArgs),
    /// Import a carrier's rate cards from its workbook (sheets `Giá` and `Điều
    /// kiện`; `dacsan export rate-card-template` writes the sample cards in that
    /// shape). Each service gets a new version; nothing is written when a row has
    /// a problem.
    RateCard(RateCardImportArgs),
    /// Import a carrier's COD statement (.xlsx or .csv: waybill, collected, fees,
    /// transferred, transfer date) into the ledger; prints the lines matched,
    /// differing, unmatched and repeated. The same file again changes nothing.
    CodStatement(RateCardImportArgs),
}

/// A carrier's file: a rate-card workbook or a COD statement.
#[derive(Debug, Clone, Args)]
pub struct RateCardImportArgs {
    /// The file (.xlsx; a COD statement may be .csv).
    pub file: PathBuf,
    /// `ghn`, `ghtk`, `viettelpost` or `vnpost`.
    #[arg(long)]
    pub carrier: String,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Clone, Args)]
pub struct RegistryImportArgs {
    /// The workbook (.xlsx).
    pub file: PathBuf,
    /// Check the file and show what would change, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Write the valid rows even when other rows have errors.
    #[arg(long)]
    pub valid_only: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write the empty registry workbook (Cơ sở, Sản phẩm and a Hướng dẫn sheet).
    RegistryTemplate(ExportFileArgs),
    /// Write the sample rate cards as a workbook to edit and import.
    RateCardTemplate(ExportFileArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ExportFileArgs {
    /// Where to write it (.xlsx); an existing file is not overwritten.
    pub file: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct BankStatementArgs {
    /// The statement as downloaded from internet banking (.csv, .xlsx, .xls).
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Admin,
    Officer,
    Seller,
    Buyer,
}

/// What a running server needs to know besides its database.
#[derive(Debug, Clone)]
pub struct Settings {
    pub secure_cookies: bool,
    pub signin_per_minute: u32,
    pub payment_time: std::time::Duration,
    pub bank_webhook_key: Secret,
    /// Empty: no e-mail is sent (see [`crate::orders::mailer`]).
    pub smtp_url: Secret,
    pub mail_from: String,
    /// No trailing slash.
    pub public_url: String,
    pub scan_alert_count: i64,
    pub scan_alert_places: usize,
    /// `DACSAN_SECRET_KEY` as given; read (and refused when it is not a key) at
    /// start, see [`crate::secrets`].
    pub secret_key: Secret,
    /// Numbers parcels' SSCCs; none: dacsan's parcel labels carry no SSCC.
    pub gs1_company_prefix: Option<gs1::CompanyPrefix>,
    pub carriers: CarrierArgs,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            secure_cookies: false,
            signin_per_minute: 10,
            payment_time: std::time::Duration::from_secs(30 * 60),
            bank_webhook_key: Secret::default(),
            smtp_url: Secret::default(),
            mail_from: String::new(),
            public_url: "http://127.0.0.1:8080".into(),
            scan_alert_count: 20,
            scan_alert_places: 3,
            secret_key: Secret::default(),
            gs1_company_prefix: None,
            carriers: CarrierArgs::default(),
        }
    }
}

impl From<&ServeArgs> for Settings {
    fn from(args: &ServeArgs) -> Self {
        Settings {
            secure_cookies: args.secure_cookies,
            signin_per_minute: args.signin_per_minute,
            payment_time: std::time::Duration::from_secs(args.payment_minutes.max(1) * 60),
            bank_webhook_key: args.bank_webhook_key.clone(),
            smtp_url: args.smtp_url.clone(),
            mail_from: args.mail_from.clone(),
            public_url: match args.public_url.trim().trim_end_matches('/') {
                "" => format!("http://{}", args.addr),
                url => url.to_string(),
            },
            scan_alert_count: args.scan_alert_count.max(1),
            scan_alert_places: args.scan_alert_places.max(2),
            secret_key: args.secret_key.clone(),
            gs1_company_prefix: args.gs1_company_prefix.clone(),
            carriers: args.carriers.clone(),
        }
    }
}
