//! The province's producers as the task force finds them: by id, by `Mã cơ sở` (the
//! province's own code), or by name ignoring case, tone marks and spacing, with the
//! phone number to tell apart two producers of one name. Cases, attendance lists and
//! fair booths all pick producers this way.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::messages;
use crate::db::Db;
use crate::error::{AppResult, Message};
use crate::vn::text::name_key;
use crate::vn::{Phone, admin_units};

/// What the office shows of a producer next to a case, an attendee or a booth.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct ProducerRef {
    pub id: i64,
    pub name: String,
    pub registry_code: Option<String>,
    pub province_code: String,
    pub commune_code: String,
    /// E.164.
    pub phone: String,
}

impl ProducerRef {
    pub fn commune_name(&self) -> &'static str {
        admin_units::commune(&self.commune_code).map(|c| c.name.as_str()).unwrap_or("")
    }

    /// `0912 345 678`
    pub fn phone_display(&self) -> String {
        Phone::parse(&self.phone).map(|p| p.to_string()).unwrap_or_else(|_| self.phone.clone())
    }

    /// The `tel:` link's number.
    pub fn phone_link(&self) -> String {
        Phone::parse(&self.phone).map(|p| p.e164().to_string()).unwrap_or_else(|_| self.phone.replace(' ', ""))
    }

    pub fn code(&self) -> &str {
        self.registry_code.as_deref().unwrap_or("")
    }
}

const COLUMNS: &str = "id, name, registry_code, province_code, commune_code, phone";

/// A producer from a row that has its `id, name, registry_code, province_code,
/// commune_code, phone` columns (booths and attendance read it joined).
pub fn from_row(row: &AnyRow) -> Result<ProducerRef, sqlx::Error> {
    Ok(ProducerRef {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        registry_code: row.try_get("registry_code")?,
        province_code: row.try_get("province_code")?,
        commune_code: row.try_get("commune_code")?,
        phone: row.try_get("phone")?,
    })
}

pub async fn find(db: &Db, id: i64) -> AppResult<Option<ProducerRef>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM producers WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// Every producer of the province, to look names up in.
pub async fn of_province(db: &Db, province_code: &str) -> AppResult<Directory> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM producers WHERE province_code = $1 ORDER BY name, id"))
        .bind(province_code)
        .fetch_all(&db.pool)
        .await?;
    let producers = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    Ok(Directory::new(producers))
}

/// The province's producers with a product on sale: those the office may put on a
/// live session.
pub async fn with_products_on_sale(db: &Db, province_code: &str) -> AppResult<Vec<ProducerRef>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM producers pr WHERE pr.province_code = $1
           AND EXISTS (SELECT 1 FROM products p WHERE p.producer_id = pr.id AND p.status = 'active')
         ORDER BY pr.name, pr.id"
    ))
    .bind(province_code)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?)
}

/// The province of a producer outside `province_code` with this code or this exact
/// name, to tell "another province's producer" from "unknown".
pub async fn province_elsewhere(
    db: &Db,
    province_code: &str,
    code: Option<&str>,
    name: Option<&str>,
) -> AppResult<Option<String>> {
    let row = sqlx::query(
        "SELECT province_code FROM producers
         WHERE province_code <> $1
           AND (($2 <> '' AND UPPER(registry_code) = UPPER($2)) OR ($3 <> '' AND name = $3)) LIMIT 1",
    )
    .bind(province_code)
    .bind(code.map(str::trim).unwrap_or(""))
    .bind(name.map(str::trim).unwrap_or(""))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| r.try_get("province_code")).transpose()?)
}

/// The producers of one province, indexed by code and by folded name.
#[derive(Debug, Default)]
pub struct Directory {
    producers: Vec<ProducerRef>,
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
}

/// The outcome of a look-up.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    Found(&'a ProducerRef),
    Unknown,
    /// This many producers of the province go by the name (and the phone, if given,
    /// did not tell them apart).
    Ambiguous(usize),
}

impl Directory {
    pub fn new(producers: Vec<ProducerRef>) -> Directory {
        let mut by_code = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in producers.iter().enumerate() {
            if let Some(code) = p.registry_code.as_deref().map(name_key).filter(|c| !c.is_empty()) {
                by_code.insert(code, i);
            }
            by_name.entry(name_key(&p.name)).or_default().push(i);
        }
        Directory { producers, by_code, by_name }
    }

    pub fn get(&self, id: i64) -> Option<&ProducerRef> {
        self.producers.iter().find(|p| p.id == id)
    }

    /// By code when one is given, else by name; a phone narrows a name shared by several.
    pub fn lookup(&self, code: Option<&str>, name: Option<&str>, phone: Option<&str>) -> Lookup<'_> {
        let code = code.map(name_key).filter(|c| !c.is_empty());
        if let Some(code) = code {
            return self.by_code.get(&code).map_or(Lookup::Unknown, |&i| Lookup::Found(&self.producers[i]));
        }
        let Some(name) = name.map(name_key).filter(|n| !n.is_empty()) else {
            return Lookup::Unknown;
        };
        let same_name: Vec<&ProducerRef> =
            self.by_name.get(&name).map(|ids| ids.iter().map(|&i| &self.producers[i]).collect()).unwrap_or_default();
        let phone = phone.and_then(|p| Phone::parse(p).ok());
        let candidates: Vec<&ProducerRef> = match &phone {
            Some(phone) if same_name.len() > 1 => {
                same_name.iter().copied().filter(|p| p.phone == phone.e164()).collect()
            }
            _ => same_name.clone(),
        };
        match candidates.len() {
            0 if same_name.is_empty() => Lookup::Unknown,
            0 => Lookup::Ambiguous(same_name.len()),
            1 => Lookup::Found(candidates[0]),
            n => Lookup::Ambiguous(n),
        }
    }

    /// One text that is either a code or a name (a form's single producer field).
    pub fn lookup_text(&self, text: &str, phone: Option<&str>) -> Lookup<'_> {
        match self.lookup(Some(text), None, None) {
            Lookup::Found(p) => Lookup::Found(p),
            _ => self.lookup(None, Some(text), phone),
        }
    }

    /// Producers whose code, name or phone contains the folded query, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&ProducerRef> {
        let key = name_key(query);
        if key.is_empty() {
            return Vec::new();
        }
        let digits: String = query.chars().filter(char::is_ascii_digit).collect();
        self.producers
            .iter()
            .filter(|p| {
                name_key(&p.name).contains(&key)
                    || p.registry_code.as_deref().is_some_and(|c| name_key(c).contains(&key))
                    || (digits.len() >= 6 && p.phone_link().contains(digits.trim_start_matches('0')))
            })
            .take(limit)
            .collect()
    }
}

/// Why a producer could not be picked, for people (Vietnamese / English).
pub async fn miss_message(
    db: &Db,
    province_code: &str,
    lookup: &Lookup<'_>,
    code: Option<&str>,
    name: Option<&str>,
) -> AppResult<Message> {
    let shown = code.or(name).map(str::trim).unwrap_or("");
    let message = match lookup {
        Lookup::Ambiguous(n) => Message::from(messages::SEVERAL_PRODUCERS_NAMED).with("n", n),
        // Callers ask only on a miss: a found producer reads as an unknown one.
        Lookup::Found(_) | Lookup::Unknown => match province_elsewhere(db, province_code, code, name).await? {
            Some(other) => {
                let other = admin_units::province(&other).map(|p| p.name.clone()).unwrap_or(other);
                Message::from(messages::PRODUCER_OF_ANOTHER_PROVINCE).with("other", other)
            }
            None => Message::from(messages::NO_PRODUCER_IN_PROVINCE),
        },
    };
    Ok(message.with("shown", shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn producer(id: i64, name: &str, code: Option<&str>, phone: &str) -> ProducerRef {
        ProducerRef {
            id,
            name: name.into(),
            registry_code: code.map(str::to_string),
            province_code: "12".into(),
            commune_code: "03478".into(),
            phone: phone.into(),
        }
    }

    fn directory() -> Directory {
        Directory::new(vec![
            producer(1, "HTX Chè Shan tuyết Sìn Hồ", Some("LC-001"), "+84912345678"),
            producer(2, "Hộ Lò Văn Sáng", Some("LC-002"), "+84912000001"),
            producer(3, "Hộ Lò Văn Sáng", None, "+84912000002"),
        ])
    }

    #[test]
    fn codes_and_names_are_matched_loosely() {
        let dir = directory();
        assert_eq!(dir.lookup(Some(" lc-001 "), None, None), Lookup::Found(&dir.producers[0]));
        assert_eq!(dir.lookup(None, Some("htx che shan tuyet sin ho"), None), Lookup::Found(&dir.producers[0]));
        assert_eq!(dir.lookup(Some("LC-404"), Some("HTX Chè Shan tuyết Sìn Hồ"), None), Lookup::Unknown);
        assert_eq!(dir.lookup(None, Some("Không có"), None), Lookup::Unknown);
        assert_eq!(dir.lookup(None, None, None), Lookup::Unknown);
    }

    #[test]
    fn a_phone_tells_two_producers_of_one_name_apart() {
        let dir = directory();
        assert_eq!(dir.lookup(None, Some("ho lo van sang"), None), Lookup::Ambiguous(2));
        assert_eq!(dir.lookup(None, Some("Hộ Lò Văn Sáng"), Some("0912 000 002")), Lookup::Found(&dir.producers[2]));
        assert_eq!(dir.lookup(None, Some("Hộ Lò Văn Sáng"), Some("0987654321")), Lookup::Ambiguous(2));
    }

    #[test]
    fn one_text_is_a_code_or_a_name() {
        let dir = directory();
        assert_eq!(dir.lookup_text("LC-002", None), Lookup::Found(&dir.producers[1]));
        assert_eq!(dir.lookup_text("HTX Chè Shan Tuyết Sìn Hồ", None), Lookup::Found(&dir.producers[0]));
        assert_eq!(dir.search("sang", 10).len(), 2);
        assert_eq!(dir.search("lc-00", 10).len(), 2);
        assert_eq!(dir.search("0912345678", 10).len(), 1);
        assert!(dir.search("  ", 10).is_empty());
    }
}
