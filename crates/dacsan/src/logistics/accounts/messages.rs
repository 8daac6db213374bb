//! What this part says when something is wrong: (key, Vietnamese, English) rows of
//! the app's text table; the key is the `code` an API client sees.

use crate::error::Text;

pub const CARRIER: Text = ("logistics.accounts.carrier", "hãng vận chuyển", "carrier");
pub const CARRIER_ACCOUNT: Text =
    ("logistics.accounts.carrier_account", "tài khoản hãng vận chuyển", "carrier account");
pub const PRODUCER: Text = ("logistics.accounts.producer", "nhà sản xuất", "producer");
pub const THE_SHOP_ID_AT_MOST_40: Text = (
    "logistics.accounts.the_shop_id_at_most_40",
    "mã cửa hàng tối đa 40 chữ, số, '-', '_' hoặc '.'",
    "the shop id: at most 40 letters, digits, '-', '_' or '.'",
);
pub const THE_TOKEN_AS_THE_CARRIER_GAVE: Text = (
    "logistics.accounts.the_token_as_the_carrier_gave",
    "mã token từ 8 đến 512 ký tự, không dấu cách, đúng như hãng cấp",
    "the token as the carrier gave it: 8 to 512 characters without spaces",
);
pub const THIS_SERVER_HAS_NO_DACSAN_SECRET: Text = (
    "logistics.accounts.this_server_has_no_dacsan_secret",
    "máy chủ chưa có khóa mã hóa DACSAN_SECRET_KEY nên không lưu được tài khoản hãng: người vận hành cần đặt khóa này",
    "this server has no DACSAN_SECRET_KEY to encrypt carrier accounts with: the operator must set it before accounts can be saved",
);

pub const NOT_CONNECTED: Text = (
    "logistics.accounts.not_connected",
    "dacsan chưa có địa chỉ API của {carrier} ({setting}): người vận hành cần đặt",
    "this server has no address for {carrier}'s API ({setting}): the operator must set it",
);
pub const REMOVED: Text = (
    "logistics.accounts.removed",
    "tài khoản {carrier} riêng của cơ sở đã bị gỡ: thêm lại, hoặc làm việc này trên trang của hãng",
    "the producer's own {carrier} account was removed: add it again, or do this on the carrier's site",
);
pub const UNREADABLE: Text = (
    "logistics.accounts.unreadable",
    "không đọc được tài khoản {carrier} riêng của cơ sở: hãy nhập lại",
    "the producer's own {carrier} account cannot be read: enter it again",
);

pub const TEXTS: &[Text] = &[
    CARRIER,
    CARRIER_ACCOUNT,
    PRODUCER,
    THE_SHOP_ID_AT_MOST_40,
    THE_TOKEN_AS_THE_CARRIER_GAVE,
    THIS_SERVER_HAS_NO_DACSAN_SECRET,
    NOT_CONNECTED,
    REMOVED,
    UNREADABLE,
];
