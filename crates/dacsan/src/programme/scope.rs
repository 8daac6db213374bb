//! Which province an office page or API call is about, and whether the user may see it.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::vn::admin_units;

/// The province asked for (`?province=12`), or the officer's first one. An unknown
/// code is a 400; a province the officer is not bound to is a 403.
pub fn province_for(user: &CurrentUser, requested: Option<&str>) -> Result<String, AppError> {
    if !user.is_officer() {
        return Err(AppError::Forbidden);
    }
    let code = match requested.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => code.to_string(),
        None => match user.provinces.first() {
            Some(first) => first.clone(),
            None => return Err(AppError::invalid("province", "chọn tỉnh / choose a province (?province=CODE)")),
        },
    };
    if admin_units::province(&code).is_none() {
        return Err(AppError::invalid("province", format!("không có tỉnh mã {code} / no province with code {code}")));
    }
    user.require_province(&code)?;
    Ok(code)
}

/// The provinces a user may pick from: all for an admin, their own for an officer.
pub fn provinces_of(user: &CurrentUser) -> Vec<&'static admin_units::Province> {
    admin_units::provinces().iter().filter(|p| user.can_oversee_province(&p.code)).collect()
}
