//! dacsan's own A6 parcel labels, for parcels no carrier labels: a producer's own
//! delivery, another carrier's (its typed tracking number), and parcels dropped at a
//! collection point. One page per parcel of the order that travels the same way,
//! with the order's QR code, a Code 128 of the tracking code and the parcel's SSCC,
//! numbered under the platform's GS1 Company Prefix the first time it is printed.

use super::messages;
use super::model::{OTHER_CARRIER, OWN_DELIVERY, Shipment, ShipmentStatus};
use super::store;
use crate::config::Settings;
use crate::db::Db;
use crate::error::Message;
use crate::error::{AppError, AppResult};
use crate::orders::Order;
use crate::producers::Producer;
use crate::vn::admin_units;
use crate::vn::phone::Phone;
use crate::web::i18n::Lang;

/// The order's page as the label's QR code carries it, with the parcel's code as
/// the fragment: the buyer's phone opens the order (at that parcel), and a
/// collection point's keeper whose scanner types the QR code into `/collect/{token}`
/// names the parcel (see [`parcel_in_url`]).
pub fn order_url(public_url: &str, order_code: &str, parcel_code: &str) -> String {
    format!("{public_url}/orders/{order_code}#{parcel_code}")
}

/// The parcel code in a scanned label QR code (see [`order_url`]), if `scanned` is
/// one; case is ignored, as a scanner may send the text in capitals.
pub fn parcel_in_url(scanned: &str) -> Option<&str> {
    let (page, parcel) = scanned.trim().rsplit_once('#')?;
    let lower = page.to_ascii_lowercase();
    let order = lower.split_once("://")?.1.split_once("/orders/")?.1;
    let parcel_lower = parcel.to_ascii_lowercase();
    (!order.is_empty() && parcel_lower.starts_with(&format!("{order}-"))).then_some(parcel)
}

/// The labels of `shipment` and the order's other parcels that travel with the
/// same carrier, as one PDF (Vietnamese, like carriers' labels).
pub async fn pdf(db: &Db, settings: &Settings, shipment: &Shipment) -> AppResult<Vec<u8>> {
    if shipment.status == ShipmentStatus::Cancelled {
        return Err(AppError::conflict("status", messages::THE_PARCEL_IS_CANCELLED));
    }
    let order = crate::orders::store::find_by_id(db, shipment.order_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::ORDER))?;
    let producer = crate::producers::store::find_by_id(db, order.producer_id)
        .await?
        .ok_or_else(|| AppError::not_found(messages::PRODUCER))?;
    let mut parcels = travelling_with(db, shipment).await?;
    if let Some(prefix) = &settings.gs1_company_prefix
        && parcels.iter().any(|p| p.sscc.is_none())
    {
        number_parcels(db, prefix, &parcels).await?;
        parcels = travelling_with(db, shipment).await?;
    }
    let point = match store::delivery_terms(db, producer.id).await?.collection_point_id {
        Some(id) => super::collection::store::find_point(db, id).await?.map(|p| p.name),
        None => None,
    };
    let lang = Lang::Vi;
    let carrier = carrier_line(shipment, point.as_deref(), lang);
    let labels = parcels
        .iter()
        .enumerate()
        .map(|(i, parcel)| label(&settings.public_url, &order, &producer, &parcels, i, parcel, carrier.clone()))
        .collect::<AppResult<Vec<_>>>()?;
    let captions = captions(lang);
    tokio::task::spawn_blocking(move || labels::parcels(&labels, &captions))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| match e {
            labels::LabelError::Font(_) => AppError::Internal(e.into()),
            other => AppError::conflict("label", Message::from(messages::LABEL_NOT_PRINTED).with("other", &other)),
        })
}

/// The order's parcels with the shipment's carrier that are not cancelled, oldest first.
async fn travelling_with(db: &Db, shipment: &Shipment) -> AppResult<Vec<Shipment>> {
    Ok(store::shipments_of(db, shipment.order_id)
        .await?
        .into_iter()
        .filter(|s| s.carrier == shipment.carrier && s.status != ShipmentStatus::Cancelled)
        .collect())
}

/// Gives the parcels without an SSCC the next numbers under `prefix`, in one
/// transaction; a parcel numbered meanwhile by another request keeps its own.
async fn number_parcels(db: &Db, prefix: &gs1::CompanyPrefix, parcels: &[Shipment]) -> AppResult<()> {
    let mut tx = db.begin_write().await?;
    for parcel in parcels.iter().filter(|p| p.sscc.is_none()) {
        let number = store::next_sscc_number(&mut tx, prefix).await?;
        let sscc = u64::try_from(number)
            .ok()
            .and_then(|n| gs1::Sscc::numbered(prefix, n))
            .ok_or_else(|| AppError::conflict("sscc", Message::from(messages::NO_SSCC_LEFT).with("prefix", prefix)))?;
        if store::set_sscc(&mut tx, parcel.id, &sscc).await? {
            tracing::info!(shipment = %parcel.code, sscc = %sscc, "parcel {} numbered {sscc}", parcel.code);
        }
    }
    tx.commit().await.map_err(anyhow::Error::new)?;
    Ok(())
}

/// How the parcels travel, in words: the producer itself, the other carrier's
/// name, or the API carrier's; and the collection point they are dropped at.
fn carrier_line(shipment: &Shipment, point: Option<&str>, lang: Lang) -> String {
    let carrier = carrier_name(shipment, lang);
    match point {
        Some(point) => format!("{carrier} · {} {point}", lang.t("collect_via")),
        None => carrier,
    }
}

/// Who carries the parcel: the seller, the other carrier's name, or an API carrier.
pub fn carrier_name(shipment: &Shipment, lang: Lang) -> String {
    match shipment.carrier.as_str() {
        OWN_DELIVERY => lang.t("plabel_own_delivery").to_string(),
        OTHER_CARRIER => shipment.service.clone(),
        code => carriers::Carrier::parse(code).map(|c| c.display_name().to_string()).unwrap_or_else(|| code.into()),
    }
}

fn place(commune_code: &str, province_code: &str) -> String {
    let commune = admin_units::commune(commune_code).map(|c| c.name.as_str()).unwrap_or("");
    let province = admin_units::province(province_code).map(|p| p.name.as_str()).unwrap_or("");
    [commune, province].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ")
}

fn phone(text: &str) -> String {
    Phone::parse(text).map(|p| p.to_string()).unwrap_or_else(|_| text.to_string())
}

/// The `i`th of the `parcels` as its label shows it.
fn label(
    public_url: &str,
    order: &Order,
    producer: &Producer,
    parcels: &[Shipment],
    i: usize,
    parcel: &Shipment,
    carrier: String,
) -> AppResult<labels::ParcelLabel> {
    let number = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
    let cash = if parcel.cod_vnd > 0 {
        labels::Cash::Collect(parcel.cod_vnd)
    } else if let Some(with) = parcels.iter().position(|p| p.cod_vnd > 0) {
        labels::Cash::WithParcel(number(with))
    } else if order.payment_method == crate::orders::PaymentMethod::Cod && order.paid_vnd < order.total_vnd {
        // The parcel that carried the cash was cancelled: printing "paid" would lose it.
        return Err(AppError::conflict("cod_vnd", messages::COD_ON_CANCELLED_PARCEL));
    } else {
        labels::Cash::Paid
    };
    let barcode = match parcel.tracking_code.as_deref() {
        Some(code) if labels::barcode_fits(code) => code.to_string(),
        _ => parcel.code.clone(),
    };
    Ok(labels::ParcelLabel {
        order_code: order.code.clone(),
        parcel_code: parcel.code.clone(),
        number: number(i),
        count: number(parcels.len() - 1),
        carrier,
        sender: labels::Party {
            name: producer.name.clone(),
            phone: phone(&producer.phone),
            street: producer.street.clone(),
            place: place(&producer.commune_code, &producer.province_code),
        },
        recipient: labels::Party {
            name: order.buyer_name.clone(),
            phone: phone(&order.buyer_phone),
            street: order.ship_street.clone(),
            place: place(&order.ship_commune_code, &order.ship_province_code),
        },
        weight_g: parcel.weight_g,
        cash,
        url: order_url(public_url, &order.code, &parcel.code),
        barcode,
        sscc: parcel.sscc.map(|s| s.as_str().to_string()),
    })
}

fn captions(lang: Lang) -> labels::ParcelCaptions {
    let t = |key: &str| lang.t(key).to_string();
    labels::ParcelCaptions {
        from: t("plabel_from"),
        to: t("plabel_to"),
        parcel: t("plabel_parcel"),
        cod: t("plabel_cod"),
        paid: t("plabel_paid"),
        cod_with_parcel: t("plabel_cod_with_parcel"),
        tracking: t("plabel_tracking"),
        scan: t("plabel_scan"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keepers_scan_finds_the_parcel_in_the_labels_qr_code() {
        let url = order_url("https://dacsan.vn", "DS7K2M9QXA", "DS7K2M9QXA-2");
        assert_eq!(url, "https://dacsan.vn/orders/DS7K2M9QXA#DS7K2M9QXA-2");
        assert_eq!(parcel_in_url(&url), Some("DS7K2M9QXA-2"));
        assert_eq!(parcel_in_url(&url.to_uppercase()), Some("DS7K2M9QXA-2"), "a scanner in capitals");
        assert_eq!(parcel_in_url(" http://127.0.0.1:8080/orders/DS1#DS1-1\n"), Some("DS1-1"));
        assert_eq!(parcel_in_url("DS7K2M9QXA-2"), None, "a typed code is not a URL");
        assert_eq!(parcel_in_url("https://dacsan.vn/orders/DS7K2M9QXA#DS999-1"), None, "another order's parcel");
        assert_eq!(parcel_in_url("https://dacsan.vn/01/08934563138165#x"), None);
    }
}
