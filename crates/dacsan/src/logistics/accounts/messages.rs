//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const CARRIER: Text = ("logistics.accounts.carrier", "hãng vận chuyển", "carrier");
pub const CARRIER_ACCOUNT: Text =
    ("logistics.accounts.carrier_account", "tài khoản hãng vận chuyển", "carrier account");
pub const PRODUCER: Text = ("logistics.accounts.producer", "nhà sản xuất", "producer");

pub const TEXTS: &[Text] = &[CARRIER, CARRIER_ACCOUNT, PRODUCER];
