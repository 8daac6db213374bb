//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const PRODUCT: Text = ("cart.product", "sản phẩm", "product");

pub const TEXTS: &[Text] = &[PRODUCT];
