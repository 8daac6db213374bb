//! Rate cards as a workbook, the way carriers send their price lists and admins
//! edit them: a sheet `Giá` (prices) with one row per weight step of a service and
//! zone, and a sheet `Điều kiện` (terms) with one row per setting of a service.
//! `dacsan export rate-card-template` writes the sample cards in this shape.
//!
//! `Giá`: service | name | zone | up_to_g | fee_vnd | extra_step_g | extra_fee_vnd |
//! eta_days_min | eta_days_max — the extra step and days are read from a zone's
//! first row. `Điều kiện`: service | setting | value, settings as in [`SETTINGS`].

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::messages;
use super::rates::{PercentFee, RateCard, Zone, ZonePrices};
use crate::error::{Message, Text};

const PRICES: &str = "Giá";
const TERMS: &str = "Điều kiện";
const PRICE_COLUMNS: [&str; 9] =
    ["service", "name", "zone", "up_to_g", "fee_vnd", "extra_step_g", "extra_fee_vnd", "eta_days_min", "eta_days_max"];
/// The settings of the terms sheet.
pub const SETTINGS: [&str; 12] = [
    "carrier_service_code",
    "max_weight_g",
    "remote_surcharge_vnd",
    "remote_extra_days",
    "remote_provinces",
    "remote_communes",
    "cod_free_up_to_vnd",
    "cod_basis_points",
    "cod_min_vnd",
    "insurance_free_up_to_vnd",
    "insurance_basis_points",
    "insurance_min_vnd",
];

/// Reads every service of one carrier from a workbook; each problem names its
/// sheet and row. Cards are checked as an admin's edit would be.
pub fn read(bytes: &[u8], carrier: &str) -> Result<Vec<RateCard>, Vec<Message>> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(vec![messages::BOOK_NOT_XLSX.into()]);
    }
    // calamine is careful, but a malformed archive must never take the server down.
    std::panic::catch_unwind(|| read_book(bytes, carrier)).unwrap_or_else(|_| Err(vec![messages::BOOK_CORRUPT.into()]))
}

fn cell_text(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::Float(f)) if f.fract() == 0.0 => format!("{}", *f as i64),
        Some(cell) => cell.to_string().trim().to_string(),
        None => String::new(),
    }
}

/// Where in the workbook a problem is: `Giá, dòng 3`.
fn place(sheet: &str, line: usize) -> Message {
    Message::from(messages::BOOK_ROW).with("sheet", sheet).with("line", line)
}

/// A problem at `place`.
fn at(place: &Message, text: Text) -> Message {
    Message::from(text).with_message("place", place.clone())
}

fn number(text: &str, place: &Message, problems: &mut Vec<Message>) -> i64 {
    let cleaned: String = text.chars().filter(|c| !matches!(c, '.' | ',' | ' ' | '₫')).collect();
    cleaned.parse().unwrap_or_else(|_| {
        problems.push(at(place, messages::BOOK_NOT_A_WHOLE_NUMBER).with("text", text));
        0
    })
}

fn rows(book: &mut Xlsx<Cursor<&[u8]>>, sheet: &str, columns: &[&str]) -> Result<Vec<(usize, Vec<String>)>, Message> {
    let range =
        book.worksheet_range(sheet).map_err(|_| Message::from(messages::BOOK_SHEET_MISSING).with("sheet", sheet))?;
    let mut lines = range.rows();
    let header: Vec<String> =
        lines.next().map(|r| r.iter().map(|c| cell_text(Some(c)).to_lowercase()).collect()).unwrap_or_default();
    let index: Vec<usize> = columns
        .iter()
        .map(|name| {
            header
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| Message::from(messages::BOOK_COLUMN_MISSING).with("sheet", sheet).with("name", name))
        })
        .collect::<Result<_, _>>()?;
    Ok(lines
        .enumerate()
        .map(|(i, row)| (i + 2, index.iter().map(|&at| cell_text(row.get(at))).collect::<Vec<_>>()))
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .collect())
}

fn read_book(bytes: &[u8], carrier: &str) -> Result<Vec<RateCard>, Vec<Message>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| vec![Message::from(messages::BOOK_CORRUPT_BECAUSE).with("detail", e)])?;
    let prices = rows(&mut book, PRICES, &PRICE_COLUMNS).map_err(|e| vec![e])?;
    let terms = rows(&mut book, TERMS, &["service", "setting", "value"]).map_err(|e| vec![e])?;
    let mut problems = Vec::new();
    let mut cards: BTreeMap<String, RateCard> = BTreeMap::new();
    for (line, cells) in &prices {
        let place = place(PRICES, *line);
        let card = cards.entry(cells[0].clone()).or_insert_with(|| empty_card(carrier, &cells[0], &cells[1]));
        let Some(zone) = Zone::parse(&cells[2]) else {
            problems.push(at(&place, messages::BOOK_UNKNOWN_ZONE).with("zone", &cells[2]));
            continue;
        };
        let step = (number(&cells[3], &place, &mut problems), number(&cells[4], &place, &mut problems));
        match card.zones.iter_mut().find(|z| z.zone == zone) {
            Some(prices) => prices.steps.push(step),
            None => card.zones.push(ZonePrices {
                zone,
                steps: vec![step],
                extra_step_g: number(&cells[5], &place, &mut problems),
                extra_fee_vnd: number(&cells[6], &place, &mut problems),
                eta_days_min: number(&cells[7], &place, &mut problems),
                eta_days_max: number(&cells[8], &place, &mut problems),
            }),
        }
    }
    for (line, cells) in &terms {
        let place = place(TERMS, *line);
        let Some(card) = cards.get_mut(&cells[0]) else {
            let unpriced = at(&place, messages::BOOK_SERVICE_WITHOUT_PRICES).with("service", &cells[0]);
            problems.push(unpriced.with("sheet", PRICES));
            continue;
        };
        set(card, &cells[1], &cells[2], &place, &mut problems);
    }
    if cards.is_empty() && problems.is_empty() {
        problems.push(Message::from(messages::BOOK_WITHOUT_PRICES).with("sheet", PRICES));
    }
    for card in cards.values() {
        if let Err(why) = card.check() {
            problems.push(
                Message::from(messages::BOOK_CARD_REFUSED).with("service", &card.service).with_message("why", why),
            );
        }
    }
    if problems.is_empty() { Ok(cards.into_values().collect()) } else { Err(problems) }
}

fn empty_card(carrier: &str, service: &str, name: &str) -> RateCard {
    RateCard {
        carrier: carrier.to_string(),
        service: service.to_string(),
        name: name.to_string(),
        carrier_service_code: String::new(),
        sample: false,
        zones: Vec::new(),
        remote_surcharge_vnd: 0,
        remote_extra_days: 0,
        remote_communes: Vec::new(),
        remote_provinces: Vec::new(),
        cod_fee: PercentFee::default(),
        insurance: PercentFee::default(),
        max_weight_g: 0,
    }
}

fn list(value: &str) -> Vec<String> {
    value.split([',', ';', ' ']).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string).collect()
}

fn set(card: &mut RateCard, setting: &str, value: &str, place: &Message, problems: &mut Vec<Message>) {
    let mut n = || number(value, place, problems);
    match setting {
        "carrier_service_code" => card.carrier_service_code = value.to_string(),
        "max_weight_g" => card.max_weight_g = n(),
        "remote_surcharge_vnd" => card.remote_surcharge_vnd = n(),
        "remote_extra_days" => card.remote_extra_days = n(),
        "remote_provinces" => card.remote_provinces = list(value),
        "remote_communes" => card.remote_communes = list(value),
        "cod_free_up_to_vnd" => card.cod_fee.free_up_to_vnd = n(),
        "cod_basis_points" => card.cod_fee.basis_points = n(),
        "cod_min_vnd" => card.cod_fee.min_vnd = n(),
        "insurance_free_up_to_vnd" => card.insurance.free_up_to_vnd = n(),
        "insurance_basis_points" => card.insurance.basis_points = n(),
        "insurance_min_vnd" => card.insurance.min_vnd = n(),
        other => problems
            .push(at(place, messages::BOOK_UNKNOWN_SETTING).with("setting", other).with("known", SETTINGS.join(", "))),
    }
}

/// The cards as a workbook in the shape [`read`] takes.
pub fn write(cards: &[&RateCard]) -> anyhow::Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let prices = book.add_worksheet().set_name(PRICES)?;
    for (col, name) in PRICE_COLUMNS.iter().enumerate() {
        prices.write_string(0, col as u16, *name)?;
    }
    let mut row = 1;
    for card in cards {
        for zone in &card.zones {
            for (up_to, fee) in &zone.steps {
                prices.write_string(row, 0, &card.service)?;
                prices.write_string(row, 1, &card.name)?;
                prices.write_string(row, 2, zone.zone.as_str())?;
                let numbers =
                    [*up_to, *fee, zone.extra_step_g, zone.extra_fee_vnd, zone.eta_days_min, zone.eta_days_max];
                for (k, value) in numbers.iter().enumerate() {
                    prices.write_number(row, 3 + k as u16, *value as f64)?;
                }
                row += 1;
            }
        }
    }
    let terms = book.add_worksheet().set_name(TERMS)?;
    for (col, name) in ["service", "setting", "value"].iter().enumerate() {
        terms.write_string(0, col as u16, *name)?;
    }
    let mut row = 1;
    for card in cards {
        let values = [
            card.carrier_service_code.clone(),
            card.max_weight_g.to_string(),
            card.remote_surcharge_vnd.to_string(),
            card.remote_extra_days.to_string(),
            card.remote_provinces.join(", "),
            card.remote_communes.join(", "),
            card.cod_fee.free_up_to_vnd.to_string(),
            card.cod_fee.basis_points.to_string(),
            card.cod_fee.min_vnd.to_string(),
            card.insurance.free_up_to_vnd.to_string(),
            card.insurance.basis_points.to_string(),
            card.insurance.min_vnd.to_string(),
        ];
        for (setting, value) in SETTINGS.iter().zip(values) {
            terms.write_string(row, 0, &card.service)?;
            terms.write_string(row, 1, *setting)?;
            terms.write_string(row, 2, &value)?;
            row += 1;
        }
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logistics::rates::sample_cards;

    #[test]
    fn a_written_card_reads_back_the_same_apart_from_the_sample_mark() {
        let samples = sample_cards();
        let ghtk: Vec<&RateCard> = samples.iter().filter(|c| c.carrier == "ghtk").collect();
        let bytes = write(&ghtk).unwrap();
        let read = read(&bytes, "ghtk").unwrap();
        let mut expected = ghtk[0].clone();
        expected.sample = false;
        assert_eq!(read, vec![expected]);
    }

    #[test]
    fn cards_that_do_not_hold_are_refused() {
        let samples = sample_cards();
        let mut card = samples[0].clone();
        card.zones[0].steps[1].1 = card.zones[0].steps[0].1 - 1;
        let bytes = write(&[&card]).unwrap();
        let problems = read(&bytes, "ghn").unwrap_err();
        assert_eq!(problems[0].code(), "logistics.book_card_refused", "{problems:?}");
        assert!(problems[0].text().contains("phí không được giảm"), "{problems:?}");
        assert_eq!(read(b"not a workbook", "ghn").unwrap_err().len(), 1);
    }
}
