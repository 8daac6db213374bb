//! Vietnam basics that every domain uses: the 2025 administrative units, money in
//! đồng, phone numbers, tax codes and the text folding that search relies on.

pub mod admin_units;
pub mod banks;
pub mod money;
pub mod phone;
pub mod tax_code;
pub mod text;

pub use admin_units::{Commune, Province};
pub use money::Vnd;
pub use phone::Phone;
pub use tax_code::TaxCode;

/// A date as Vietnamese readers write it: `18/12/2022`.
pub fn date_vn(date: &time::Date) -> String {
    format!("{:02}/{:02}/{}", date.day(), u8::from(date.month()), date.year())
}
