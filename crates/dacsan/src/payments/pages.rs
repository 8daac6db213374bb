//! `/seller/producers/{id}/payment`: the bank account a producer is paid into by
//! VietQR transfer, the bank chosen from the NAPAS member list.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::messages;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::producers::Producer;
use crate::producers::store::{self, PaymentAccount};
use crate::vn::banks::{self, Bank};
use crate::web::PageError;
use crate::web::{CsrfForm, Page, render};

#[derive(Template)]
#[template(path = "seller/payment_form.html")]
struct PaymentTemplate {
    page: Page,
    producer: Producer,
    form: AccountForm,
    errors: FieldErrors,
    banks: &'static [Bank],
    saved: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    pub bank_bin: String,
    #[serde(default)]
    pub account_number: String,
    #[serde(default)]
    pub account_holder: String,
}

async fn editable(db: &Db, page: &Page, id: i64) -> Result<Producer, PageError> {
    page.require_user()?.require_producer(id)?;
    Ok(store::find_by_id(db, id).await?.ok_or_else(|| AppError::not_found(messages::PRODUCER))?)
}

/// `GET /seller/producers/{id}/payment`
pub async fn edit_payment_account(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    let producer = editable(&db, &page, id).await?;
    let form = match store::payment_account(&db, id).await? {
        Some(a) => {
            AccountForm { bank_bin: a.bank_bin, account_number: a.account_number, account_holder: a.account_holder }
        }
        None => AccountForm::default(),
    };
    let saved = q.contains_key("saved");
    Ok(render(&PaymentTemplate {
        page,
        producer,
        form,
        errors: FieldErrors::default(),
        banks: banks::vietqr_banks(),
        saved,
    }))
}

/// Checks an account as banks and VietQR need it: a NAPAS BIN, 1–19 letters or
/// digits, the holder's name in capitals without tone marks (as banks print it).
pub fn validate(form: &AccountForm) -> Result<PaymentAccount, FieldErrors> {
    let mut errors = FieldErrors::default();
    if banks::by_bin(form.bank_bin.trim()).is_none() {
        errors.add("bank_bin", messages::CHOOSE_A_NAPAS_BANK);
    }
    let number: String = form.account_number.chars().filter(|c| !c.is_whitespace()).collect();
    if vietqr::AccountNumber::parse(&number).is_err() {
        errors.add("account_number", messages::ACCOUNT_NUMBER_1_TO_19_DIGITS_OR_LETTERS);
    }
    let holder = vietqr::fold_to_ascii(form.account_holder.trim()).to_uppercase();
    if !(2..=70).contains(&holder.chars().count()) {
        errors.add("account_holder", messages::THE_HOLDER_S_NAME);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PaymentAccount { bank_bin: form.bank_bin.trim().to_string(), account_number: number, account_holder: holder })
}

/// `POST /seller/producers/{id}/payment`
pub async fn save_payment_account(
    State(db): State<Db>,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<AccountForm>,
) -> Result<Response, PageError> {
    let producer = editable(&db, &page, id).await?;
    match validate(&form) {
        Ok(account) => {
            store::upsert_payment_account(&db, id, &account).await?;
            tracing::info!(producer.id = id, bank_bin = %account.bank_bin, "receiving account of {} saved", producer.slug);
            Ok(Redirect::to(&format!("/seller/producers/{id}/payment?saved=1")).into_response())
        }
        Err(errors) => {
            Ok(render(&PaymentTemplate { page, producer, form, errors, banks: banks::vietqr_banks(), saved: false }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_are_checked_and_names_folded() {
        let ok = validate(&AccountForm {
            bank_bin: "970405".into(),
            account_number: "8800 2050 12345".into(),
            account_holder: "Hợp tác xã Chè Sìn Hồ".into(),
        })
        .unwrap();
        assert_eq!(ok.account_number, "8800205012345");
        assert_eq!(ok.account_holder, "HOP TAC XA CHE SIN HO");
        let errors = validate(&AccountForm {
            bank_bin: "123456".into(),
            account_number: "12-34".into(),
            account_holder: "".into(),
        })
        .unwrap_err();
        for field in ["bank_bin", "account_number", "account_holder"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
