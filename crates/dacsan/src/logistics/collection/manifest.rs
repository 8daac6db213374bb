//! A run's manifest as an A4 PDF (laid out by `labels::report`): the point, the
//! run and its date, each parcel with its producer, weight and cash to collect,
//! and the totals, with room for the keeper's and the driver's signatures.

use labels::report::{Block, Column, Report, Table};

use super::model::{CollectionPoint, Run};
use super::service::ManifestView;
use crate::error::{AppError, AppResult};
use crate::vn::money::Vnd;
use crate::web::i18n::Lang;

/// The manifest's PDF file; rendering runs off the async workers.
pub async fn pdf(point: &CollectionPoint, run: &Run, view: &ManifestView, lang: Lang) -> AppResult<Vec<u8>> {
    let document = document(point, run, view, lang);
    tokio::task::spawn_blocking(move || labels::report::report(&document))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))
}

fn column(title: &str, weight: u16, numeric: bool) -> Column {
    Column { title: title.to_string(), weight, numeric }
}

fn document(point: &CollectionPoint, run: &Run, view: &ManifestView, lang: Lang) -> Report {
    let t = |key: &str| lang.t(key);
    let columns = vec![
        column("#", 1, true),
        column(t("collect_parcel_code"), 5, false),
        column(t("collect_waybill"), 4, false),
        column(t("collect_producer"), 6, false),
        column(t("collect_weight_g"), 3, true),
        column(t("collect_cod_vnd"), 4, true),
    ];
    let mut rows: Vec<Vec<String>> = view
        .parcels
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                (i + 1).to_string(),
                p.code.clone(),
                p.waybill.clone().unwrap_or_default(),
                p.producer.clone(),
                p.weight_g.to_string(),
                Vnd(p.cod_vnd).grouped(),
            ]
        })
        .collect();
    rows.push(vec![
        String::new(),
        format!("{} {}", t("collect_total"), view.parcel_count),
        String::new(),
        String::new(),
        view.weight_g.to_string(),
        Vnd(view.cod_vnd).grouped(),
    ]);
    let status = match &view.handed_over_at {
        Some(at) => format!("{} {}", t("collect_handed_over_at"), crate::vn::time_vn(at)),
        None => t("collect_manifest_open").to_string(),
    };
    Report {
        title: format!("{} — {}", t("collect_manifest"), point.name),
        subtitle: format!(
            "{} · {} {} {} · {}",
            point.place_name(),
            t("collect_run"),
            view.date,
            run.time,
            run.carrier_name()
        ),
        footer: format!("dacsan · {} · {}", point.name, view.date),
        blocks: vec![
            Block::Text(format!(
                "{} · {} {} · {}",
                point.address,
                t("collect_contact"),
                point.contact_name,
                point.phone_national()
            )),
            Block::Text(status),
            Block::Table(Table { columns, rows }),
            Block::Text(t("collect_signatures").to_string()),
        ],
    }
}
