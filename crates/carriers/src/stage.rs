//! The normalized stage of a parcel and the mapping of every carrier's raw status to it
//! (carriers.md section 5, "Normalized dacsan stages").

use crate::Carrier;

/// The normalized stage (carriers.md section 5).
///
/// `Created → PickedUp → InTransit → OutForDelivery → Delivered | DeliveryFailed →
/// Returning → Returned`, plus `Cancelled`, `LostDamaged` and `Unknown` (stored, never
/// advancing a parcel).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Created,
    PickedUp,
    InTransit,
    OutForDelivery,
    Delivered,
    DeliveryFailed,
    Returning,
    Returned,
    Cancelled,
    LostDamaged,
    Unknown,
}

impl Stage {
    /// Every stage, in journey order.
    pub const ALL: [Stage; 11] = [
        Stage::Created,
        Stage::PickedUp,
        Stage::InTransit,
        Stage::OutForDelivery,
        Stage::Delivered,
        Stage::DeliveryFailed,
        Stage::Returning,
        Stage::Returned,
        Stage::Cancelled,
        Stage::LostDamaged,
        Stage::Unknown,
    ];

    /// The snake_case name, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Created => "created",
            Stage::PickedUp => "picked_up",
            Stage::InTransit => "in_transit",
            Stage::OutForDelivery => "out_for_delivery",
            Stage::Delivered => "delivered",
            Stage::DeliveryFailed => "delivery_failed",
            Stage::Returning => "returning",
            Stage::Returned => "returned",
            Stage::Cancelled => "cancelled",
            Stage::LostDamaged => "lost_damaged",
            Stage::Unknown => "unknown",
        }
    }

    /// The stage named by [`Stage::as_str`]; `None` for any other text.
    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.as_str() == s)
    }

    /// Section 5: "Final: DELIVERED, RETURNED, CANCELLED, LOST_DAMAGED".
    pub fn is_final(self) -> bool {
        matches!(self, Stage::Delivered | Stage::Returned | Stage::Cancelled | Stage::LostDamaged)
    }

    /// Order along the journey, so an older notification never moves a parcel back:
    /// Created 0, PickedUp 1, InTransit 2, OutForDelivery 3, DeliveryFailed 4, Delivered 5,
    /// Returning 5, Returned 6, Cancelled 6, LostDamaged 6, Unknown: None (section 5: "store,
    /// do not advance").
    pub fn rank(self) -> Option<u8> {
        match self {
            Stage::Created => Some(0),
            Stage::PickedUp => Some(1),
            Stage::InTransit => Some(2),
            Stage::OutForDelivery => Some(3),
            Stage::DeliveryFailed => Some(4),
            Stage::Delivered | Stage::Returning => Some(5),
            Stage::Returned | Stage::Cancelled | Stage::LostDamaged => Some(6),
            Stage::Unknown => None,
        }
    }
}

/// Map one carrier's raw status to a stage, exactly per the table in section 5.
///
/// `is_returning` is Viettel Post's `IS_RETURNING`: 501 on the return leg means the parcel is
/// back at the sender (section 3, "Statuses"). The other carriers ignore it.
pub fn stage_of(carrier: Carrier, raw_status: &str, is_returning: bool) -> Stage {
    let raw = raw_status.trim();
    match carrier {
        Carrier::Ghn => ghn(raw),
        Carrier::Ghtk => raw.parse().map_or(Stage::Unknown, ghtk),
        Carrier::Viettelpost => raw.parse().map_or(Stage::Unknown, |code| viettelpost(code, is_returning)),
        Carrier::Vnpost => raw.parse().map_or(Stage::Unknown, vnpost),
    }
}

/// GHN column: status names from GHN's status page (section 1, "Statuses"); `exception` needs a
/// person and stays `Unknown`.
fn ghn(status: &str) -> Stage {
    match status {
        "ready_to_pick" | "picking" | "money_collect_picking" => Stage::Created,
        "picked" => Stage::PickedUp,
        "storing" | "sorting" | "transporting" => Stage::InTransit,
        "delivering" | "money_collect_delivering" => Stage::OutForDelivery,
        "delivered" => Stage::Delivered,
        "delivery_fail" => Stage::DeliveryFailed,
        "waiting_to_return" | "return" | "return_transporting" | "return_sorting" | "returning" | "return_fail" => {
            Stage::Returning
        }
        "returned" => Stage::Returned,
        "cancel" => Stage::Cancelled,
        "lost" | "damage" | "scrap" => Stage::LostDamaged,
        _ => Stage::Unknown,
    }
}

/// GHTK column: `status_id` (section 2, "Statuses"), courier self-reports included; failed
/// pickup (7, 8, 127, 128) stays `Created`.
fn ghtk(status_id: i64) -> Stage {
    match status_id {
        1 | 2 | 12 | 7 | 8 | 127 | 128 => Stage::Created,
        3 | 123 => Stage::PickedUp,
        4 | 45 => Stage::OutForDelivery,
        5 | 6 => Stage::Delivered,
        9 | 10 | 49 | 410 => Stage::DeliveryFailed,
        20 => Stage::Returning,
        21 | 11 => Stage::Returned,
        -1 => Stage::Cancelled,
        13 => Stage::LostDamaged,
        _ => Stage::Unknown,
    }
}

/// Viettel Post column: `ORDER_STATUS` (section 3, "Statuses"). 503 is taken as destroyed
/// (the official doc as quoted by hkt's ORDER_OUTCOME and CanhCam) rather than "cancelled at
/// customer request". Unlisted codes fall back on the documented ranges.
fn viettelpost(code: i64, is_returning: bool) -> Stage {
    match code {
        501 if is_returning => Stage::Returned,
        501 => Stage::Delivered,
        -100 | -108 | -109 | -110 | 100 | 102..=104 | 106 => Stage::Created,
        105 | 200 | 202 => Stage::PickedUp,
        300..=303 | 320 | 400..=403 | 509 | 510 => Stage::InTransit,
        500 | 508 | 550 | 570 => Stage::OutForDelivery,
        506 | 507 => Stage::DeliveryFailed,
        502 | 505 | 515 => Stage::Returning,
        504 => Stage::Returned,
        101 | 107 | 201 => Stage::Cancelled,
        503 => Stage::LostDamaged,
        100..=199 => Stage::Created,
        200..=299 => Stage::PickedUp,
        300..=499 => Stage::InTransit,
        500..=599 => Stage::OutForDelivery,
        _ => Stage::Unknown,
    }
}

/// VNPost column (section 4; the meanings are machine-translated, so the whole column is
/// unconfirmed). 20 (partly returned) counts as delivered, as the table says; 101–111
/// (international) are `Unknown`.
fn vnpost(code: i64) -> Stage {
    match code {
        0..=5 | 8 => Stage::Created,
        6 | 7 => Stage::PickedUp,
        10 | 11 | 13 => Stage::InTransit,
        12 => Stage::OutForDelivery,
        14 | 20 | 21 => Stage::Delivered,
        15 => Stage::DeliveryFailed,
        16..=18 => Stage::Returning,
        19 => Stage::Returned,
        9 | 22 => Stage::Cancelled,
        _ => Stage::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(carrier: Carrier, stage: Stage, raws: &[&str]) {
        for raw in raws {
            assert_eq!(stage_of(carrier, raw, false), stage, "{} status {raw}", carrier.as_str());
        }
    }

    #[test]
    fn ghn_every_row_of_the_table() {
        let c = Carrier::Ghn;
        check(c, Stage::Created, &["ready_to_pick", "picking", "money_collect_picking"]);
        check(c, Stage::PickedUp, &["picked"]);
        check(c, Stage::InTransit, &["storing", "sorting", "transporting"]);
        check(c, Stage::OutForDelivery, &["delivering", "money_collect_delivering"]);
        check(c, Stage::Delivered, &["delivered"]);
        check(c, Stage::DeliveryFailed, &["delivery_fail"]);
        check(
            c,
            Stage::Returning,
            &["waiting_to_return", "return", "return_transporting", "return_sorting", "returning", "return_fail"],
        );
        check(c, Stage::Returned, &["returned"]);
        check(c, Stage::Cancelled, &["cancel"]);
        check(c, Stage::LostDamaged, &["lost", "damage", "scrap"]);
        check(c, Stage::Unknown, &["exception", "teleported", "", "Delivered"]);
    }

    #[test]
    fn ghtk_every_row_of_the_table() {
        let c = Carrier::Ghtk;
        check(c, Stage::Created, &["1", "2", "12", "7", "8", "127", "128"]);
        check(c, Stage::PickedUp, &["3", "123"]);
        check(c, Stage::OutForDelivery, &["4", "45"]);
        check(c, Stage::Delivered, &["5", "6"]);
        check(c, Stage::DeliveryFailed, &["9", "10", "49", "410"]);
        check(c, Stage::Returning, &["20"]);
        check(c, Stage::Returned, &["21", "11"]);
        check(c, Stage::Cancelled, &["-1"]);
        check(c, Stage::LostDamaged, &["13"]);
        check(c, Stage::Unknown, &["0", "14", "999", "abc", ""]);
    }

    #[test]
    fn viettelpost_every_row_of_the_table() {
        let c = Carrier::Viettelpost;
        check(c, Stage::Created, &["-100", "-108", "-109", "-110", "100", "102", "103", "104", "106"]);
        check(c, Stage::PickedUp, &["105", "200", "202"]);
        check(c, Stage::InTransit, &["300", "301", "302", "303", "320", "400", "401", "402", "403", "509", "510"]);
        check(c, Stage::OutForDelivery, &["500", "508", "550", "570"]);
        check(c, Stage::Delivered, &["501"]);
        check(c, Stage::DeliveryFailed, &["506", "507"]);
        check(c, Stage::Returning, &["502", "505", "515"]);
        check(c, Stage::Returned, &["504"]);
        check(c, Stage::Cancelled, &["101", "107", "201"]);
        check(c, Stage::LostDamaged, &["503"]);
        check(c, Stage::Unknown, &["-1", "0", "600", "x"]);
    }

    #[test]
    fn viettelpost_501_on_the_return_leg_is_returned() {
        assert_eq!(stage_of(Carrier::Viettelpost, "501", true), Stage::Returned);
        assert_eq!(stage_of(Carrier::Viettelpost, "501", false), Stage::Delivered);
        // The flag changes nothing else.
        assert_eq!(stage_of(Carrier::Viettelpost, "504", true), Stage::Returned);
        assert_eq!(stage_of(Carrier::Viettelpost, "500", true), Stage::OutForDelivery);
    }

    #[test]
    fn viettelpost_unlisted_codes_by_range() {
        let c = Carrier::Viettelpost;
        check(c, Stage::Created, &["108", "199"]);
        check(c, Stage::PickedUp, &["203", "299"]);
        check(c, Stage::InTransit, &["304", "350", "404", "499"]);
        check(c, Stage::OutForDelivery, &["511", "599"]);
    }

    #[test]
    fn vnpost_every_row_of_the_table() {
        let c = Carrier::Vnpost;
        check(c, Stage::Created, &["0", "1", "2", "3", "4", "5", "8"]);
        check(c, Stage::PickedUp, &["6", "7"]);
        check(c, Stage::InTransit, &["10", "11", "13"]);
        check(c, Stage::OutForDelivery, &["12"]);
        check(c, Stage::Delivered, &["14", "21", "20"]);
        check(c, Stage::DeliveryFailed, &["15"]);
        check(c, Stage::Returning, &["16", "17", "18"]);
        check(c, Stage::Returned, &["19"]);
        check(c, Stage::Cancelled, &["9", "22"]);
        check(c, Stage::Unknown, &["23", "101", "111", "-1", "ok"]);
    }

    #[test]
    fn the_returning_flag_matters_only_to_viettelpost() {
        assert_eq!(stage_of(Carrier::Ghn, "delivered", true), Stage::Delivered);
        assert_eq!(stage_of(Carrier::Ghtk, "5", true), Stage::Delivered);
        assert_eq!(stage_of(Carrier::Vnpost, "14", true), Stage::Delivered);
    }

    #[test]
    fn rank_orders_the_journey() {
        let ranks: Vec<_> = Stage::ALL.into_iter().map(|s| (s, s.rank())).collect();
        assert_eq!(
            ranks,
            vec![
                (Stage::Created, Some(0)),
                (Stage::PickedUp, Some(1)),
                (Stage::InTransit, Some(2)),
                (Stage::OutForDelivery, Some(3)),
                (Stage::Delivered, Some(5)),
                (Stage::DeliveryFailed, Some(4)),
                (Stage::Returning, Some(5)),
                (Stage::Returned, Some(6)),
                (Stage::Cancelled, Some(6)),
                (Stage::LostDamaged, Some(6)),
                (Stage::Unknown, None),
            ]
        );
    }

    #[test]
    fn final_stages() {
        let finals: Vec<_> = Stage::ALL.into_iter().filter(|s| s.is_final()).collect();
        assert_eq!(finals, [Stage::Delivered, Stage::Returned, Stage::Cancelled, Stage::LostDamaged]);
    }

    #[test]
    fn names_round_trip_and_match_serde() {
        for stage in Stage::ALL {
            assert_eq!(Stage::parse(stage.as_str()), Some(stage));
            assert_eq!(serde_json::to_string(&stage).unwrap(), format!("\"{}\"", stage.as_str()));
        }
        assert_eq!(Stage::parse("Delivered"), None);
        assert_eq!(Stage::parse(""), None);
    }
}
