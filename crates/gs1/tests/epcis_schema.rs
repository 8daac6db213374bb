//! The EPCIS vocabularies against the official EPCIS 2.0 JSON schema, a copy of which
//! is kept unchanged in `tests/data/` (see its README).

use std::collections::BTreeSet;

use gs1::epcis::{Action, BizStep, Disposition, EventType};

const SCHEMA: &str = include_str!("data/EPCIS-JSON-Schema.json");

/// Every `"enum": [...]` list of the schema, as sets of strings. The schema's lists
/// hold plain strings only, so reading up to the closing bracket is enough.
fn enum_lists() -> Vec<BTreeSet<&'static str>> {
    SCHEMA
        .split("\"enum\": [")
        .skip(1)
        .map(|rest| {
            let (list, _) = rest.split_once(']').expect("enum list is closed");
            list.split(',').map(|item| item.trim().trim_matches('"')).collect()
        })
        .collect()
}

/// Asserts that exactly one list of the schema has exactly these values.
fn assert_schema_has(values: impl IntoIterator<Item = &'static str>) {
    let ours: BTreeSet<&str> = values.into_iter().collect();
    let lists = enum_lists();
    assert!(lists.len() > 40, "schema read: {} enum lists", lists.len());
    let matching = lists.iter().filter(|list| **list == ours).count();
    assert_eq!(matching, 1, "no schema enum list equals {ours:?}");
}

#[test]
fn biz_steps_are_the_schema_list() {
    assert_schema_has(BizStep::ALL.iter().map(|v| v.as_str()));
}

#[test]
fn dispositions_are_the_schema_list() {
    assert_schema_has(Disposition::ALL.iter().map(|v| v.as_str()));
}

#[test]
fn actions_are_the_schema_list() {
    assert_schema_has(Action::ALL.iter().map(|v| v.as_str()));
}

#[test]
fn event_types_are_the_schema_list() {
    // The schema lists the five event types together once, in
    // `EPCIS-Document-Event`, and each alone in its own definition.
    assert_schema_has(EventType::ALL.iter().map(|v| v.as_str()));
    for event_type in EventType::ALL {
        assert!(enum_lists().iter().any(|list| list.len() == 1 && list.contains(event_type.as_str())), "{event_type}");
    }
}

#[test]
fn a_missing_value_would_be_noticed() {
    let mut fewer: Vec<&str> = BizStep::ALL.iter().map(|v| v.as_str()).collect();
    fewer.pop();
    let fewer: BTreeSet<&str> = fewer.into_iter().collect();
    assert!(!enum_lists().contains(&fewer));
}
