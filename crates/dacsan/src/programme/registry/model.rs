//! The rules for each cell of the registry workbook, written the way provincial
//! registries are actually typed: `Có`/`x`/`không`, `HTX`, `4 sao`, `05/03/2024`,
//! `5/3/24`, `ngày 5 tháng 3 năm 2024`, Excel serial numbers, `150.000 đ`,
//! `Shopee, Tiktok` with their links. Pure functions: no database, no IO.

use time::Date;

use super::messages;
use super::workbook::Value;
use crate::catalog::ocop;
use crate::error::Message;
use crate::producers::ProducerKind;
use crate::programme::listings::Platform;
use crate::vn::text::name_key;

/// Months an OCOP certificate lasts (Decision 148/QĐ-TTg, 2023: 36 months from the
/// recognition decision).
pub const CERTIFICATE_MONTHS: u32 = 36;

/// What a new product's `Đơn vị` is when left empty.
pub const DEFAULT_UNIT: &str = "sản phẩm";

/// The earliest and latest years a registry date may carry: anything else is a typo
/// (or a number that is not a date).
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Which provinces the person importing may write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The command line, run by whoever holds the database.
    All,
    /// An officer's provinces (an admin's scope is `All`).
    Provinces(Vec<String>),
}

impl Scope {
    pub fn allows(&self, province_code: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Provinces(codes) => codes.iter().any(|c| c == province_code),
        }
    }
}

/// A Có/Không column that may also hold a link or a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    No,
    Yes,
    Link(String),
    On(Date),
}

/// The registry class of a product (`products.registry_class`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegistryClass {
    Ocop,
    /// Sản phẩm công nghiệp nông thôn tiêu biểu.
    Cnnt,
    /// Nông sản mùa vụ.
    Seasonal,
}

impl RegistryClass {
    pub fn code(self) -> &'static str {
        match self {
            RegistryClass::Ocop => "ocop",
            RegistryClass::Cnnt => "cnnt",
            RegistryClass::Seasonal => "seasonal",
        }
    }

    pub fn from_code(code: &str) -> Option<RegistryClass> {
        [RegistryClass::Ocop, RegistryClass::Cnnt, RegistryClass::Seasonal].into_iter().find(|c| c.code() == code)
    }
}

/// `Có`/`Không` cells: the words of [`crate::vn::text::yes_no`].
pub use crate::vn::text::yes_no as parse_yes_no;

/// A cell's text inside one of this part's messages (`{text}`).
fn about(text: crate::error::Text, value: &str) -> Message {
    Message::from(text).with("text", value)
}

/// A Có/Không cell; empty is Không.
pub fn yes_no_value(value: &Value) -> Result<bool, Message> {
    match value {
        Value::Bool(b) => Ok(*b),
        v if v.is_empty() => Ok(false),
        Value::Number(n) if *n == 0.0 || *n == 1.0 => Ok(*n == 1.0),
        v => parse_yes_no(&v.text()).ok_or_else(|| about(messages::WRITE_YES_OR_NO, &v.text())),
    }
}

/// `Gian hàng số`: Có/Không or the store's link (or the day it opened).
pub fn store_flag(value: &Value) -> Result<Flag, Message> {
    let text = value.text();
    if looks_like_link(&text) {
        return Ok(Flag::Link(normalise_link(&text)));
    }
    yes_no_or_date(value).map_err(|_| about(messages::WRITE_YES_NO_OR_STORE_LINK, &text))
}

/// `Tập huấn …`: Có/Không or the day the training was completed.
pub fn training_flag(value: &Value) -> Result<Flag, Message> {
    yes_no_or_date(value).map_err(|_| about(messages::WRITE_YES_NO_OR_DAY_COMPLETED, &value.text()))
}

fn yes_no_or_date(value: &Value) -> Result<Flag, ()> {
    match value {
        Value::Date(d) => return Ok(Flag::On(*d)),
        Value::Number(n) if *n > 1.0 => return parse_date(value).ok().flatten().map(Flag::On).ok_or(()),
        _ => {}
    }
    if let Ok(yes) = yes_no_value(value) {
        return Ok(if yes { Flag::Yes } else { Flag::No });
    }
    match parse_date(value) {
        Ok(Some(d)) => Ok(Flag::On(d)),
        _ => Err(()),
    }
}

/// `https://…`, `www.…`, `shopee.vn/abc`: a link, not a yes.
pub fn looks_like_link(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
        || (!t.contains(' ')
            && t.contains('.')
            && t.split('.').next_back().is_some_and(|tld| tld.len() >= 2)
            && !t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '/' || c == '-'))
}

/// A link with its scheme: `shopee.vn/x` → `https://shopee.vn/x`.
pub fn normalise_link(text: &str) -> String {
    let t = text.trim();
    if t.to_lowercase().starts_with("http://") || t.to_lowercase().starts_with("https://") {
        t.to_string()
    } else {
        format!("https://{t}")
    }
}

/// A date in any usual Vietnamese form; `Ok(None)` for an empty cell.
pub fn parse_date(value: &Value) -> Result<Option<Date>, Message> {
    let date = match value {
        v if v.is_empty() => return Ok(None),
        Value::Date(d) => Some(*d),
        Value::Number(n) => excel_serial(*n),
        Value::Empty | Value::Bool(_) | Value::Error(_) => None,
        Value::Text(text) => parse_date_text(text),
    };
    match date {
        Some(d) if YEARS.contains(&d.year()) => Ok(Some(d)),
        Some(_) | None => Err(about(messages::NOT_A_DATE, &value.text())),
    }
}

/// Excel's serial day number (1900 date system, as every Vietnamese Excel uses).
fn excel_serial(n: f64) -> Option<Date> {
    if n.fract() != 0.0 || !(61.0..=2_958_465.0).contains(&n) {
        return None;
    }
    let epoch = Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    epoch.checked_add(time::Duration::days(n as i64))
}

fn parse_date_text(text: &str) -> Option<Date> {
    let trimmed = text.trim();
    // `05/03/2024 00:00:00`, `2024-03-05T00:00:00`: the day is the first part.
    let first = trimmed.split(['T', ' ']).next().unwrap_or(trimmed);
    if let Some(date) = crate::vn::parse_day_month_year(first) {
        return Some(date);
    }
    if first.len() >= 4 && first.len() <= 7 && first.bytes().all(|b| b.is_ascii_digit()) && first == trimmed {
        return excel_serial(first.parse().ok()?);
    }
    words_date(trimmed)
}

fn calendar(year: i32, month: i32, day: i32) -> Option<Date> {
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

/// `ngày 5 tháng 3 năm 2024`, `5 tháng 3 năm 2024`, `ngày 05 tháng 03 năm 2024`.
fn words_date(text: &str) -> Option<Date> {
    let key = name_key(text);
    let words: Vec<&str> = key.split(' ').filter(|w| *w != "ngay").collect();
    match words.as_slice() {
        [d, "thang", m, "nam", y] => calendar(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    }
}

/// The day an OCOP certificate issued on `issued` expires: 36 months later.
pub fn expiry_of(issued: Date) -> Date {
    let months = i32::from(u8::from(issued.month())) - 1 + CERTIFICATE_MONTHS as i32;
    let year = issued.year() + months / 12;
    let month = time::Month::try_from((months % 12 + 1) as u8).unwrap_or(time::Month::January);
    let last_day = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, issued.day().min(last_day)).unwrap_or(issued)
}

/// OCOP stars: 3, 4 or 5; empty or 0 for none. `4 sao`, `4*`, `★★★★` accepted.
pub fn parse_stars(value: &Value) -> Result<u8, Message> {
    let bad = |t: &str| about(messages::STARS_ARE_3_4_OR_5, t);
    match value {
        v if v.is_empty() => Ok(0),
        Value::Number(n) => match *n {
            0.0 => Ok(0),
            3.0 => Ok(3),
            4.0 => Ok(4),
            5.0 => Ok(5),
            _ => Err(bad(&value.text())),
        },
        Value::Text(text) => {
            let filled = text.chars().filter(|c| matches!(c, '★' | '⭐')).count();
            if filled > 0 && text.chars().all(|c| matches!(c, '★' | '⭐' | '☆' | ' ')) {
                return match filled {
                    3..=5 => Ok(filled as u8),
                    _ => Err(bad(text)),
                };
            }
            let key = name_key(text);
            let words: Vec<&str> =
                key.split(' ').filter(|w| !matches!(*w, "sao" | "star" | "stars" | "ocop" | "hang")).collect();
            match words.as_slice() {
                [] | ["khong"] | ["chua"] | ["chua co"] => Ok(0),
                ["0"] => Ok(0),
                ["3"] => Ok(3),
                ["4"] => Ok(4),
                ["5"] => Ok(5),
                _ => Err(bad(text)),
            }
        }
        other => Err(bad(&other.text())),
    }
}

/// `Doanh nghiệp`/`DN`/`Công ty …`, `Hợp tác xã`/`HTX`, `Tổ hợp tác`/`THT`,
/// `Hộ kinh doanh`/`HKD`/`Hộ sản xuất`.
pub fn parse_kind(text: &str) -> Option<ProducerKind> {
    let key = name_key(text);
    let kind = match key.as_str() {
        "doanh nghiep"
        | "dn"
        | "dntn"
        | "doanh nghiep tu nhan"
        | "cong ty"
        | "cty"
        | "ctcp"
        | "tnhh"
        | "enterprise"
        | "company" => ProducerKind::DoanhNghiep,
        "hop tac xa" | "htx" | "cooperative" => ProducerKind::HopTacXa,
        "to hop tac" | "tht" | "cooperative group" => ProducerKind::ToHopTac,
        "ho kinh doanh"
        | "hkd"
        | "ho kd"
        | "ho san xuat"
        | "ho sxkd"
        | "ho san xuat kinh doanh"
        | "ho gia dinh"
        | "household business"
        | "household" => ProducerKind::HoKinhDoanh,
        _ if key.starts_with("cong ty") || key.starts_with("doanh nghiep") => ProducerKind::DoanhNghiep,
        _ if key.starts_with("hop tac xa") => ProducerKind::HopTacXa,
        _ => return None,
    };
    Some(kind)
}

/// `OCOP`, `CNNT tiêu biểu`, `Nông sản mùa vụ` (and their longer or shorter forms).
pub fn parse_class(text: &str) -> Option<RegistryClass> {
    let key = name_key(text);
    match key.as_str() {
        "ocop" | "san pham ocop" => Some(RegistryClass::Ocop),
        "cnnt"
        | "cnnt tieu bieu"
        | "san pham cnnt tieu bieu"
        | "cong nghiep nong thon tieu bieu"
        | "san pham cong nghiep nong thon tieu bieu" => Some(RegistryClass::Cnnt),
        "nong san mua vu" | "mua vu" | "seasonal" | "nong san" => Some(RegistryClass::Seasonal),
        _ => None,
    }
}

/// The set a sector's name alone stands for: the set of that sector whose name
/// covers "other" goods of the sector (food: "… và nông sản thực phẩm khác";
/// beverages: "Đồ uống không cồn khác"; herbs: "Tinh dầu và dược liệu khác"),
/// or its first set. Always reported as a warning, so the officer can be precise.
const SECTOR_DEFAULTS: [(&str, &str); 6] = [
    ("thuc-pham", "mat-ong"),
    ("do-uong", "do-uong-khong-con"),
    ("duoc-lieu", "tinh-dau-duoc-lieu"),
    ("thu-cong-my-nghe", "thu-cong-trang-tri"),
    ("sinh-vat-canh", "cay-canh"),
    ("du-lich", "dich-vu-du-lich"),
];

/// An OCOP product set from its code, its name, its English name, one part of its
/// name (`Chè`, `Mật ong`, `Gạo`), or a sector's name (with a warning).
pub fn parse_set(text: &str) -> Result<(String, Option<Message>), Message> {
    let key = name_key(text);
    if let Some((code, _)) = SET_KEYS.iter().find(|(_, keys)| keys.whole.contains(&key)) {
        return Ok((code.to_string(), None));
    }
    let by_part: Vec<&str> =
        SET_KEYS.iter().filter(|(_, keys)| keys.parts.contains(&key)).map(|(code, _)| *code).collect();
    match by_part.as_slice() {
        [one] => return Ok((one.to_string(), None)),
        [] => {}
        many => {
            let sets: Vec<Message> = many
                .iter()
                .filter_map(|code| ocop::set(code))
                .map(|s| {
                    Message::from(messages::PRODUCT_SET)
                        .with("name", &s.name)
                        .with("name_en", &s.name_en)
                        .with("code", &s.code)
                })
                .collect();
            return Err(about(messages::SEVERAL_PRODUCT_SETS, text).with_list("sets", &sets, "; "));
        }
    }
    if let Some(sector) = ocop::sectors()
        .iter()
        .find(|s| name_key(&s.code) == key || name_key(&s.name) == key || name_key(&s.name_en) == key)
        && let Some((_, set_code)) = SECTOR_DEFAULTS.iter().find(|(sector_code, _)| *sector_code == sector.code)
        && let Some(set) = ocop::set(set_code)
    {
        let warning = about(messages::SECTOR_NOT_A_SET, text).with("name", &set.name).with("name_en", &set.name_en);
        return Ok((set.code.clone(), Some(warning)));
    }
    Err(about(messages::NOT_AN_OCOP_PRODUCT_SET, text))
}

/// The names a product set goes by, folded once.
struct SetKeys {
    /// Its code, name and English name.
    whole: Vec<String>,
    /// The parts of its name.
    parts: Vec<String>,
}

static SET_KEYS: std::sync::LazyLock<Vec<(&'static str, SetKeys)>> = std::sync::LazyLock::new(|| {
    ocop::sets()
        .iter()
        .map(|s| {
            let whole = vec![name_key(&s.code), name_key(&s.name), name_key(&s.name_en)];
            (s.code.as_str(), SetKeys { whole, parts: name_parts(&s.name) })
        })
        .collect()
});

/// `Rau, củ, quả, hạt tươi` → [`rau`, `cu`, `qua`, `hat tuoi`]; parts split at commas
/// and at `và`.
fn name_parts(name: &str) -> Vec<String> {
    name.split(',').flat_map(|part| part.split(" và ")).map(name_key).filter(|k| !k.is_empty()).collect()
}

/// A price in whole đồng: a number cell, or `150.000`, `150,000 đ`, `150000 VND`.
/// Empty is 0.
pub fn parse_price(value: &Value) -> Result<i64, Message> {
    let bad = |t: &str| about(messages::NOT_AN_AMOUNT, t);
    match value {
        v if v.is_empty() => Ok(0),
        Value::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n <= crate::vn::money::MAX_PRICE.0 as f64 => {
            Ok(*n as i64)
        }
        Value::Number(n) if *n < 0.0 => Err(bad(&value.text())),
        Value::Number(_) => Err(about(messages::PRICE_IN_WHOLE_DONG, &value.text())),
        Value::Text(text) => {
            let price = crate::vn::Vnd::parse(text).map_err(|_| bad(text))?;
            if price > crate::vn::money::MAX_PRICE {
                return Err(bad(text));
            }
            Ok(price.0)
        }
        other => Err(bad(&other.text())),
    }
}

/// A phone cell as text. Excel drops the leading 0 of a phone typed as a number
/// (`912345678`); it is put back.
pub fn phone_text(value: &Value) -> String {
    match value {
        Value::Number(_) => {
            let digits = value.text();
            if digits.len() == 9 || (digits.len() == 10 && digits.starts_with('2')) {
                format!("0{digits}")
            } else {
                digits
            }
        }
        other => other.text(),
    }
}

/// A tax code cell as text: a 9-digit number lost its leading 0.
pub fn tax_code_text(value: &Value) -> String {
    match value {
        Value::Number(_) => {
            let digits = value.text();
            if digits.len() == 9 || digits.len() == 12 { format!("0{digits}") } else { digits }
        }
        other => other.text(),
    }
}

/// A platform and the product's link there (empty when the registry gives none).
pub type Listing = (Platform, String);

/// The channels of a product: the names of `Sàn TMĐT` with the links of `Link sàn`.
/// A link whose host names a platform goes to that platform (a platform missing from
/// the names is added, with a warning); other links go, in order, to the platforms
/// still without one. Returns the listings and the warnings.
pub fn pair_links(names: &str, links: &str) -> Result<(Vec<Listing>, Vec<Message>), Message> {
    let mut platforms: Vec<Listing> = Vec::new();
    let mut unknown = Vec::new();
    for name in names.split([',', ';', '\n']).map(str::trim).filter(|n| !n.is_empty() && *n != "-") {
        match Platform::parse(name) {
            Some(p) if platforms.iter().any(|(q, _)| *q == p) => {}
            Some(p) => platforms.push((p, String::new())),
            None => unknown.push(format!("\"{name}\"")),
        }
    }
    if !unknown.is_empty() {
        let known: Vec<&str> = Platform::ALL.iter().map(|p| p.label()).collect();
        return Err(Message::from(messages::UNKNOWN_PLATFORMS)
            .with("unknown", unknown.join(", "))
            .with("known", known.join(", ")));
    }
    let mut warnings = Vec::new();
    let mut undetected = Vec::new();
    for link in links.split([',', ';', '\n', ' ']).map(str::trim).filter(|l| !l.is_empty()) {
        let link = normalise_link(link);
        match platform_of_link(&link) {
            Some(p) => match platforms.iter_mut().find(|(q, _)| *q == p) {
                Some((_, url)) if url.is_empty() => *url = link,
                Some(_) => {
                    return Err(Message::from(messages::TWO_LINKS_FOR_ONE_PLATFORM).with("platform", p.label()));
                }
                None => {
                    warnings.push(
                        Message::from(messages::LINK_ADDS_ITS_PLATFORM).with("link", &link).with("platform", p.label()),
                    );
                    platforms.push((p, link));
                }
            },
            None => undetected.push(link),
        }
    }
    let mut open = platforms.iter_mut().filter(|(_, url)| url.is_empty());
    for link in undetected {
        match open.next() {
            Some((_, url)) => *url = link,
            None => {
                return Err(Message::from(messages::LINK_WITHOUT_A_PLATFORM).with("link", link));
            }
        }
    }
    Ok((platforms, warnings))
}

/// The platform a link's host names: `vt.tiktok.com` → TikTok Shop; unknown hosts
/// (a producer's own site) → `None`.
fn platform_of_link(link: &str) -> Option<Platform> {
    let rest = link.split_once("://").map_or(link, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    (0..labels.len().saturating_sub(1)).find_map(|i| {
        let name = labels[i];
        if matches!(name, "www" | "m" | "vt" | "shop" | "s") {
            return None;
        }
        Platform::parse(name).filter(|p| *p != Platform::OwnSite)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Value {
        Value::Text(t.into())
    }

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d).unwrap()
    }

    #[test]
    fn dates_in_every_usual_form() {
        let march5 = day(2024, 3, 5);
        for form in ["05/03/2024", "5/3/2024", "5/3/24", "05-03-2024", "05.03.2024", "2024-03-05", "2024/3/5"] {
            assert_eq!(parse_date(&text(form)), Ok(Some(march5)), "{form}");
        }
        assert_eq!(parse_date(&text("ngày 5 tháng 3 năm 2024")), Ok(Some(march5)));
        assert_eq!(parse_date(&text("Ngày 05 tháng 03 năm 2024")), Ok(Some(march5)));
        assert_eq!(parse_date(&text("05/03/2024 00:00:00")), Ok(Some(march5)));
        // Excel serial numbers, as a number cell or typed as text.
        assert_eq!(parse_date(&Value::Number(45356.0)), Ok(Some(march5)));
        assert_eq!(parse_date(&text("45356")), Ok(Some(march5)));
        assert_eq!(parse_date(&Value::Date(march5)), Ok(Some(march5)));
        assert_eq!(parse_date(&Value::Empty), Ok(None));
        assert_eq!(parse_date(&text("  ")), Ok(None));
    }

    #[test]
    fn what_is_not_a_date_is_refused() {
        for bad in ["31/02/2024", "13/13/2024", "hôm qua", "2024", "5/3", "05/03/1800"] {
            assert!(parse_date(&text(bad)).is_err(), "{bad}");
        }
        assert!(parse_date(&Value::Number(3.5)).is_err());
        assert!(parse_date(&Value::Bool(true)).is_err());
    }

    #[test]
    fn certificates_last_36_months() {
        assert_eq!(expiry_of(day(2024, 3, 5)), day(2027, 3, 5));
        assert_eq!(expiry_of(day(2024, 12, 31)), day(2027, 12, 31));
        // 29 February has no twin three years later.
        assert_eq!(expiry_of(day(2024, 2, 29)), day(2027, 2, 28));
    }

    #[test]
    fn stars_three_to_five_or_none() {
        assert_eq!(parse_stars(&Value::Number(4.0)), Ok(4));
        assert_eq!(parse_stars(&text("4 sao")), Ok(4));
        assert_eq!(parse_stars(&text("5*")), Ok(5));
        assert_eq!(parse_stars(&text("★★★")), Ok(3));
        assert_eq!(parse_stars(&text("3 Sao OCOP")), Ok(3));
        assert_eq!(parse_stars(&Value::Empty), Ok(0));
        assert_eq!(parse_stars(&Value::Number(0.0)), Ok(0));
        assert_eq!(parse_stars(&text("chưa")), Ok(0));
        for bad in
            [Value::Number(2.0), Value::Number(6.0), Value::Number(4.5), text("2 sao"), text("nhiều"), text("★★")]
        {
            assert!(parse_stars(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn yes_and_no_as_people_write_them() {
        for yes in ["Có", "có", "CO", "x", "X", "Yes", "1", "Đã có"] {
            assert_eq!(yes_no_value(&text(yes)), Ok(true), "{yes}");
        }
        for no in ["Không", "khong", "KO", "no", "0", "Chưa", "-"] {
            assert_eq!(yes_no_value(&text(no)), Ok(false), "{no}");
        }
        assert_eq!(yes_no_value(&Value::Empty), Ok(false));
        assert_eq!(yes_no_value(&Value::Bool(true)), Ok(true));
        assert!(yes_no_value(&text("có lẽ")).is_err());
    }

    #[test]
    fn store_and_training_columns_take_links_and_dates() {
        assert_eq!(store_flag(&text("Có")), Ok(Flag::Yes));
        assert_eq!(store_flag(&text("shopee.vn/htx-che")), Ok(Flag::Link("https://shopee.vn/htx-che".into())));
        assert_eq!(store_flag(&text("https://tiktok.com/@che")), Ok(Flag::Link("https://tiktok.com/@che".into())));
        assert_eq!(store_flag(&Value::Empty), Ok(Flag::No));
        assert!(store_flag(&text("đang làm")).is_err());
        assert_eq!(training_flag(&text("12/10/2025")), Ok(Flag::On(day(2025, 10, 12))));
        assert_eq!(training_flag(&Value::Date(day(2025, 10, 12))), Ok(Flag::On(day(2025, 10, 12))));
        assert_eq!(training_flag(&Value::Number(45943.0)), Ok(Flag::On(day(2025, 10, 13))));
        assert_eq!(training_flag(&text("không")), Ok(Flag::No));
        assert!(training_flag(&text("sắp tới")).is_err());
    }

    #[test]
    fn kinds_and_their_abbreviations() {
        assert_eq!(parse_kind("Hợp tác xã"), Some(ProducerKind::HopTacXa));
        assert_eq!(parse_kind("HTX"), Some(ProducerKind::HopTacXa));
        assert_eq!(parse_kind("htx"), Some(ProducerKind::HopTacXa));
        assert_eq!(parse_kind("DN"), Some(ProducerKind::DoanhNghiep));
        assert_eq!(parse_kind("Công ty TNHH"), Some(ProducerKind::DoanhNghiep));
        assert_eq!(parse_kind("doanh nghiep"), Some(ProducerKind::DoanhNghiep));
        assert_eq!(parse_kind("THT"), Some(ProducerKind::ToHopTac));
        assert_eq!(parse_kind("Tổ hợp tác"), Some(ProducerKind::ToHopTac));
        assert_eq!(parse_kind("HKD"), Some(ProducerKind::HoKinhDoanh));
        assert_eq!(parse_kind("Hộ kinh doanh"), Some(ProducerKind::HoKinhDoanh));
        assert_eq!(parse_kind("hop_tac_xa"), Some(ProducerKind::HopTacXa));
        assert_eq!(parse_kind("Nhóm bạn"), None);
    }

    #[test]
    fn classes() {
        assert_eq!(parse_class("OCOP"), Some(RegistryClass::Ocop));
        assert_eq!(parse_class("CNNT tiêu biểu"), Some(RegistryClass::Cnnt));
        assert_eq!(parse_class("nong san mua vu"), Some(RegistryClass::Seasonal));
        assert_eq!(parse_class("khác"), None);
    }

    #[test]
    fn product_sets_by_code_name_part_or_sector() {
        assert_eq!(parse_set("che"), Ok(("che".into(), None)));
        assert_eq!(parse_set("Chè tươi, chè chế biến"), Ok(("che".into(), None)));
        assert_eq!(parse_set("Mật ong"), Ok(("mat-ong".into(), None)));
        assert_eq!(parse_set("Rượu trắng"), Ok(("ruou-trang".into(), None)));
        assert_eq!(parse_set("Fresh and processed tea"), Ok(("che".into(), None)));
        let (code, warning) = parse_set("Thực phẩm").unwrap();
        assert_eq!(code, "mat-ong");
        assert_eq!(warning.unwrap().code(), messages::SECTOR_NOT_A_SET.0);
        let several = parse_set("Ngũ cốc").unwrap_err();
        assert_eq!(several.code(), messages::SEVERAL_PRODUCT_SETS.0);
        assert!(several.vietnamese().contains("gao-ngu-coc"), "ambiguous part lists the sets: {several:?}");
        assert_eq!(parse_set("Ô tô").unwrap_err().code(), messages::NOT_AN_OCOP_PRODUCT_SET.0);
    }

    #[test]
    fn every_sector_has_a_default_set_of_its_own() {
        for sector in ocop::sectors() {
            let (_, set) = SECTOR_DEFAULTS.iter().find(|(s, _)| *s == sector.code).expect("a default");
            assert_eq!(ocop::set(set).unwrap().sector_code, sector.code);
        }
    }

    #[test]
    fn prices_in_dong() {
        assert_eq!(parse_price(&text("150.000")), Ok(150_000));
        assert_eq!(parse_price(&text("150,000 đ")), Ok(150_000));
        assert_eq!(parse_price(&Value::Number(150000.0)), Ok(150_000));
        assert_eq!(parse_price(&Value::Empty), Ok(0));
        assert!(parse_price(&text("liên hệ")).is_err());
        assert!(parse_price(&Value::Number(-5.0)).is_err());
        assert!(parse_price(&Value::Number(1.5)).is_err());
    }

    #[test]
    fn numbers_that_lost_their_leading_zero() {
        assert_eq!(phone_text(&Value::Number(912345678.0)), "0912345678");
        assert_eq!(phone_text(&text("0912 345 678")), "0912 345 678");
        assert_eq!(tax_code_text(&Value::Number(101243150.0)), "0101243150");
        assert_eq!(tax_code_text(&Value::Number(6200123456.0)), "6200123456");
    }

    #[test]
    fn platforms_pair_with_their_links() {
        let (pairs, warnings) =
            pair_links("Shopee, Tiktok shop", "https://shopee.vn/a, https://vt.tiktok.com/b").unwrap();
        assert_eq!(
            pairs,
            vec![
                (Platform::Shopee, "https://shopee.vn/a".to_string()),
                (Platform::TiktokShop, "https://vt.tiktok.com/b".to_string())
            ]
        );
        assert!(warnings.is_empty());
        // By host, whatever the order.
        let (pairs, _) = pair_links("Lazada; Shopee", "shopee.vn/x; lazada.vn/y").unwrap();
        assert_eq!(pairs[0], (Platform::Lazada, "https://lazada.vn/y".to_string()));
        assert_eq!(pairs[1], (Platform::Shopee, "https://shopee.vn/x".to_string()));
        // An own site's link has no known host: it goes to the platform left.
        let (pairs, _) = pair_links("Shopee, Website riêng", "shopee.vn/x, https://chesinho.vn").unwrap();
        assert_eq!(pairs[1], (Platform::OwnSite, "https://chesinho.vn".to_string()));
        // A link to a platform not named adds it, with a warning.
        let (pairs, warnings) = pair_links("", "https://www.lazada.vn/p").unwrap();
        assert_eq!(pairs, vec![(Platform::Lazada, "https://www.lazada.vn/p".to_string())]);
        assert_eq!(warnings.iter().map(Message::code).collect::<Vec<_>>(), [messages::LINK_ADDS_ITS_PLATFORM.0]);
        // Names without links are listings without a URL.
        let (pairs, _) = pair_links("Postmart, Voso", "").unwrap();
        assert_eq!(pairs.len(), 2);
        let unknown = pair_links("Shopee, Chợ phiên", "").unwrap_err();
        assert_eq!(unknown.code(), messages::UNKNOWN_PLATFORMS.0);
        assert!(unknown.vietnamese().contains("\"Chợ phiên\""), "{unknown:?}");
        let unplaced = pair_links("Shopee", "shopee.vn/a, https://elsewhere.vn").unwrap_err();
        assert_eq!(unplaced.code(), messages::LINK_WITHOUT_A_PLATFORM.0);
        let twice = pair_links("Shopee", "shopee.vn/a, shopee.vn/b").unwrap_err();
        assert_eq!(twice.code(), messages::TWO_LINKS_FOR_ONE_PLATFORM.0);
    }
}
