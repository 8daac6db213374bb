//! The payload checksum: CRC-16/CCITT-FALSE, the algorithm EMVCo merchant-presented QR
//! prescribes for field 63 and NAPAS keeps for VietQR.

/// CRC-16/CCITT-FALSE of `bytes`: polynomial 0x1021, initial value 0xFFFF, no
/// reflection, no final XOR (vietqr.md, "CRC"; EMVCo MPM, data object 63).
///
/// A payload's checksum covers everything up to and including the literal `6304`.
///
/// ```
/// assert_eq!(vietqr::crc16_ccitt_false(b"123456789"), 0x29B1);
/// ```
pub fn crc16_ccitt_false(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0xFFFF, |crc, &byte| feed_byte(crc, byte))
}

/// One byte through the shift register, most significant bit first.
fn feed_byte(crc: u16, byte: u8) -> u16 {
    (0..8).fold(crc ^ (u16::from(byte) << 8), |crc, _| if crc & 0x8000 == 0 { crc << 1 } else { (crc << 1) ^ 0x1021 })
}

/// The checksum written the way field 63 carries it: 4 uppercase hex digits.
pub(crate) fn crc_hex(bytes: &[u8]) -> String {
    format!("{:04X}", crc16_ccitt_false(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_value_of_the_catalogue() {
        assert_eq!(crc16_ccitt_false(b"123456789"), 0x29B1);
    }

    #[test]
    fn empty_input_is_the_initial_value() {
        assert_eq!(crc16_ccitt_false(b""), 0xFFFF);
    }

    #[test]
    fn single_bytes_match_a_reference_table() {
        // Cross-checked against an independent implementation of the algorithm.
        assert_eq!(crc16_ccitt_false(b"A"), 0xB915);
        assert_eq!(crc16_ccitt_false(&[0x00]), 0xE1F0);
        assert_eq!(crc16_ccitt_false(&[0xFF]), 0xFF00);
    }

    #[test]
    fn hex_is_four_uppercase_digits() {
        assert_eq!(crc_hex(b"123456789"), "29B1");
        assert_eq!(crc_hex(&[0xFF]), "FF00");
    }
}
