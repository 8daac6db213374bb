//! Which province an office page or API call is about, and whether the user may see it.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::messages;
use crate::auth::CurrentUser;
use crate::error::Message;
use crate::error::{AppError, FieldErrors};
use crate::vn::admin_units;
use crate::web::Page;
use crate::web::PageError;

/// `?province=CODE`
#[derive(Debug, Default, Deserialize)]
pub struct ProvinceParam {
    pub province: Option<String>,
}

/// `?done=…`: what the last form did, for the notice on the page it returns to.
#[derive(Debug, Default, Deserialize)]
pub struct DoneParam {
    pub done: Option<String>,
}

/// The signed-in officer or admin of an office page; 403 for anyone else.
pub fn office_user(page: &Page) -> Result<CurrentUser, PageError> {
    let user = page.require_user()?.clone();
    if !user.is_officer() {
        return Err(AppError::Forbidden.into());
    }
    Ok(user)
}

/// A form page shown again with its errors answers 422; otherwise 200.
pub fn form_status(errors: &FieldErrors, page: Response) -> Response {
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    (status, page).into_response()
}

/// The province asked for (`?province=12`), or the officer's first one; an admin
/// bound to no province starts at the first the province picker lists. An unknown
/// code is a 400; a province the officer is not bound to is a 403.
pub fn province_for(user: &CurrentUser, requested: Option<&str>) -> Result<String, AppError> {
    if !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let code = match requested.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => code.to_string(),
        None => match user.provinces.first().cloned().or_else(|| provinces_of(user).first().map(|p| p.code.clone())) {
            Some(first) => first,
            None => return Err(AppError::invalid("province", messages::CHOOSE_A_PROVINCE)),
        },
    };
    if admin_units::province(&code).is_none() {
        return Err(AppError::invalid("province", Message::from(messages::NO_PROVINCE_WITH_CODE).with("code", &code)));
    }
    user.require_province(&code)?;
    Ok(code)
}

/// The provinces a user may pick from: all for an admin, their own for an officer.
pub fn provinces_of(user: &CurrentUser) -> Vec<&'static admin_units::Province> {
    admin_units::provinces().iter().filter(|p| user.can_oversee_province(&p.code)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Role;

    fn user(role: Role, provinces: &[&str]) -> CurrentUser {
        CurrentUser {
            id: 1,
            email: String::new(),
            name: String::new(),
            role,
            producer_ids: Vec::new(),
            provinces: provinces.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn an_officer_starts_at_their_province_and_an_admin_at_the_pickers_first() {
        assert_eq!(province_for(&user(Role::Officer, &["12"]), None).unwrap(), "12");
        let first = provinces_of(&user(Role::Admin, &[]))[0].code.clone();
        assert_eq!(province_for(&user(Role::Admin, &[]), None).unwrap(), first);
        assert_eq!(province_for(&user(Role::Admin, &[]), Some("12")).unwrap(), "12");
    }

    #[test]
    fn other_provinces_and_unknown_codes_are_refused() {
        assert!(matches!(province_for(&user(Role::Officer, &["12"]), Some("01")), Err(AppError::Forbidden)));
        assert!(matches!(province_for(&user(Role::Officer, &["12"]), Some("99")), Err(AppError::Invalid(_))));
        assert!(matches!(province_for(&user(Role::Buyer, &[]), None), Err(AppError::Forbidden)));
    }
}
