//! The admin desk (`/admin`): create producers and accounts, bind sellers to
//! producers and officers to provinces.

pub mod pages;

use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

/// `/admin…`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .route("/admin", get(pages::admin_desk))
        .route("/admin/producers", post(pages::create_producer))
        .route("/admin/users", post(pages::create_user))
}
