//! The `gs1` crate's refusals of a typed key (GTIN, GLN, SSCC) as messages of the
//! text table, so a person reads why in their language; the crate itself knows no
//! language but its own English.

use crate::error::Message;

/// Why `key` (`"GTIN"`, `"GLN"`, `"SSCC"`) as typed is not one.
pub fn refusal(key: &'static str, error: &gs1::KeyError) -> Message {
    let message = match *error {
        gs1::KeyError::Length { expected, got } => {
            let lengths: Vec<String> = expected.iter().map(usize::to_string).collect();
            Message::from(messages::LENGTH).with("expected", lengths.join("/")).with("got", got)
        }
        gs1::KeyError::NonDigit { position, found } => {
            Message::from(messages::NON_DIGIT).with("found", found).with("position", position)
        }
        gs1::KeyError::CheckDigit { expected, got } => {
            Message::from(messages::CHECK_DIGIT).with("expected", expected).with("got", got)
        }
    };
    message.with("key", key)
}

/// (key, Vietnamese, English) rows of the app's text table.
pub mod messages {
    use crate::error::Text;

    pub const LENGTH: Text =
        ("gs1.key_length", "{key}: cần {expected} chữ số, có {got}", "{key}: {expected} digits expected, got {got}");
    pub const NON_DIGIT: Text = (
        "gs1.key_non_digit",
        "{key}: ký tự «{found}» ở vị trí {position} không phải chữ số",
        "{key}: «{found}» at position {position} is not a digit",
    );
    pub const CHECK_DIGIT: Text = (
        "gs1.key_check_digit",
        "{key}: sai số kiểm tra, phải là {expected} chứ không phải {got}",
        "{key}: wrong check digit, {expected} expected, got {got}",
    );

    pub const TEXTS: &[Text] = &[LENGTH, NON_DIGIT, CHECK_DIGIT];
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_refused_key_says_why_under_one_code() {
        let error = gs1::Gtin::parse("8934563138166").unwrap_err();
        let message = super::refusal("GTIN", &error);
        assert_eq!(message.code(), "gs1.key_check_digit");
        assert_eq!(message.text(), "GTIN: sai số kiểm tra, phải là 5 chứ không phải 6");
    }
}
