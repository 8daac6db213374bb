//! Producers' own carrier accounts: `PUT/GET/DELETE
//! /api/v1/producers/{id}/carrier-accounts…`, bookings made with them against the
//! local GHN server, the page, the start-up check of sealed values and
//! `dacsan rotate-key`.

use dacsan::auth::Role;
use dacsan::config::{Secret, Settings};
use dacsan::secrets::SecretKey;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, spawn_app_with, test_settings};
use crate::logistics::{GHN_CONTRACT_FEE, GHN_PLATFORM_FEE, GhnSeen, HOOK_TOKEN, ghn_order, remote_store, spawn_ghn};
use crate::orders::checkout_body;

const OWN_TOKEN: &str = "own-ghn-token-of-the-cooperative-7f3a";

/// GHN at the local test server, with or without the platform's own token.
async fn ghn_settings(
    platform_token: bool,
    key: Option<&SecretKey>,
) -> (Settings, std::sync::Arc<std::sync::Mutex<GhnSeen>>) {
    let (ghn_url, seen) = spawn_ghn().await;
    let mut settings = test_settings();
    settings.carriers.ghn_url = ghn_url;
    if platform_token {
        settings.carriers.ghn_token = Secret("ghn-test-token".into());
        settings.carriers.ghn_shop_id = "81558".into();
    }
    settings.carriers.shipping_webhook_token = Secret(HOOK_TOKEN.into());
    settings.secret_key = Secret(key.map(SecretKey::to_base64).unwrap_or_default());
    (settings, seen)
}

fn accounts_path(producer_id: &Value) -> String {
    format!("/api/v1/producers/{producer_id}/carrier-accounts")
}

async fn save_ghn(app: &TestApp, producer_id: &Value, seller: &str, token: &str) -> (u16, Value) {
    let body = json!({"token": token, "shop_id": "99001"});
    app.send_json(Method::PUT, &format!("{}/ghn", accounts_path(producer_id)), Some(seller), &body).await
}

async fn stored_credentials(app: &TestApp, producer_id: &Value) -> Vec<String> {
    sqlx::query_scalar("SELECT credentials FROM carrier_accounts WHERE producer_id = $1")
        .bind(producer_id.as_i64().unwrap())
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn carrier_accounts_a_seller_saves_its_ghn_account_sealed_and_parcels_book_and_cancel_with_it() {
    let key = SecretKey::generate();
    let (settings, seen) = ghn_settings(true, Some(&key)).await;
    let app = spawn_app_with(settings).await;
    let (order, seller) = ghn_order(&app).await;
    let producer = &order["producer_id"];

    let (status, saved) = save_ghn(&app, producer, &seller, &format!("  {OWN_TOKEN} ")).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!((saved["token_hint"].as_str(), saved["shop_id"].as_str()), (Some("••••7f3a"), Some("99001")));
    assert_eq!(saved["usable"], true);
    let stored = stored_credentials(&app, producer).await;
    assert_eq!(stored.len(), 1);
    assert!(stored[0].starts_with(&format!("v1:{}:", key.id())), "{}", stored[0]);
    assert!(!stored[0].contains(OWN_TOKEN) && !stored[0].contains("99001"), "no plaintext at rest: {}", stored[0]);

    let (status, list) = app.get_json_as(&accounts_path(producer), &seller).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["carrier"], "ghn");
    assert_eq!(list["items"][0]["token_hint"], "••••7f3a");
    assert!(!list.to_string().contains(OWN_TOKEN), "the token never comes back: {list}");

    let path = format!("/api/v1/orders/{}/shipments", order["id"]);
    let (status, created) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created[0]["account"], "producer");
    {
        let seen = seen.lock().unwrap();
        let (headers, _) = &seen.creates[0];
        assert_eq!(headers["token"], OWN_TOKEN, "booked with the producer's own token");
        assert_eq!(headers["shopid"], "99001");
    }
    let (status, cancelled) = app
        .send_json(Method::DELETE, &format!("/api/v1/shipments/{}", created[0]["id"]), Some(&seller), &json!({}))
        .await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(seen.lock().unwrap().cancels[0]["token"], OWN_TOKEN, "cancelled in the account that booked it");

    // Another producer without an account of its own books with the platform's.
    let (other_order, other_seller) = ghn_order(&app).await;
    let other_path = format!("/api/v1/orders/{}/shipments", other_order["id"]);
    let (status, created) = app.send_json(Method::POST, &other_path, Some(&other_seller), &json!({})).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created[0]["account"], "platform");
    assert_eq!(seen.lock().unwrap().creates[1].0["token"], "ghn-test-token");
}

#[tokio::test]
async fn carrier_accounts_belong_to_the_producers_sellers_and_admins_only() {
    let key = SecretKey::generate();
    let (settings, _) = ghn_settings(true, Some(&key)).await;
    let app = spawn_app_with(settings).await;
    let (order, seller) = ghn_order(&app).await;
    let producer = &order["producer_id"];
    let (other_order, other_seller) = ghn_order(&app).await;
    assert_eq!(save_ghn(&app, producer, &seller, OWN_TOKEN).await.0, 200);

    let path = accounts_path(producer);
    assert_eq!(app.get_json_as(&path, &other_seller).await.0, 403);
    assert_eq!(save_ghn(&app, producer, &other_seller, "someone-elses-token").await.0, 403);
    let (status, _) = app.send_json(Method::DELETE, &format!("{path}/ghn"), Some(&other_seller), &json!({})).await;
    assert_eq!(status, 403);
    assert_eq!(app.get_json(&path).await.0, 401);
    let (_, _, buyer) = app.user(Role::Buyer, None).await;
    assert_eq!(app.get_json_as(&path, &buyer).await.0, 403);
    let (_, _, admin) = app.user(Role::Admin, None).await;
    let (status, list) = app.get_json_as(&path, &admin).await;
    assert_eq!((status, list["items"][0]["token_hint"].as_str()), (200, Some("••••7f3a")), "{list}");
    assert_eq!(app.get_json_as("/api/v1/producers/999999/carrier-accounts", &admin).await.0, 404);

    // Bad input, in words and by field.
    let (status, answer) = save_ghn(&app, producer, &seller, "short").await;
    assert_eq!((status, answer["errors"][0]["field"].as_str()), (422, Some("token")), "{answer}");
    let (status, answer) = app
        .send_json(
            Method::PUT,
            &format!("{path}/ghn"),
            Some(&seller),
            &json!({"token": OWN_TOKEN, "shop_id": "81 558"}),
        )
        .await;
    assert_eq!((status, answer["errors"][0]["field"].as_str()), (422, Some("shop_id")), "{answer}");
    let (status, _) =
        app.send_json(Method::PUT, &format!("{path}/dhl"), Some(&seller), &json!({"token": OWN_TOKEN})).await;
    assert_eq!(status, 404);
    let (status, answer) = app.send_json(Method::PUT, &format!("{path}/ghn"), Some(&seller), &json!({"shop": 1})).await;
    assert_eq!(status, 422, "{answer}");
    let (status, answer) =
        app.send_json(Method::PUT, &format!("{path}/ghtk"), Some(&seller), &json!({"token": OWN_TOKEN})).await;
    assert_eq!(status, 409, "GHTK has no API address on this server: {answer}");
    assert!(answer["detail"].as_str().unwrap().contains("DACSAN_GHTK_URL"), "{answer}");

    // A value copied into another producer's row does not open there: that account
    // is shown as unreadable, never as a 500, and its parcels do not book.
    let other = &other_order["producer_id"];
    assert_eq!(save_ghn(&app, other, &other_seller, "other-cooperative-token").await.0, 200);
    let copied = stored_credentials(&app, producer).await.remove(0);
    sqlx::query("UPDATE carrier_accounts SET credentials = $1 WHERE producer_id = $2")
        .bind(&copied)
        .bind(other.as_i64().unwrap())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let (status, list) = app.get_json_as(&accounts_path(other), &other_seller).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(
        (list["items"][0]["token_hint"].clone(), list["items"][0]["usable"].clone()),
        (Value::Null, json!(false))
    );
    assert!(list["items"][0]["problem"].as_str().unwrap().contains("hãy nhập lại"), "{list}");
    let path = format!("/api/v1/orders/{}/shipments", other_order["id"]);
    let (status, answer) = app.send_json(Method::POST, &path, Some(&other_seller), &json!({})).await;
    assert_eq!(status, 422, "{answer}");
    assert!(answer["detail"].as_str().unwrap().contains("không đọc được tài khoản"), "{answer}");

    let (status, _) =
        app.send_json(Method::DELETE, &format!("{}/ghn", accounts_path(producer)), Some(&seller), &json!({})).await;
    assert_eq!(status, 204);
    assert!(stored_credentials(&app, producer).await.is_empty());
    let (status, _) =
        app.send_json(Method::DELETE, &format!("{}/ghn", accounts_path(producer)), Some(&seller), &json!({})).await;
    assert_eq!(status, 404, "removed once");
}

#[tokio::test]
async fn carrier_account_makes_a_carrier_bookable_when_the_platform_has_no_token() {
    let key = SecretKey::generate();
    let (settings, seen) = ghn_settings(false, Some(&key)).await;
    let app = spawn_app_with(settings).await;
    let (order, seller) = ghn_order(&app).await;
    let path = format!("/api/v1/orders/{}/shipments", order["id"]);
    let (status, answer) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    assert_eq!(status, 422, "no token for GHN, no account of its own: {answer}");

    assert_eq!(save_ghn(&app, &order["producer_id"], &seller, OWN_TOKEN).await.0, 200);
    let (status, created) = app.send_json(Method::POST, &path, Some(&seller), &json!({})).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!((created[0]["status"].as_str(), created[0]["account"].as_str()), (Some("booked"), Some("producer")));
    assert_eq!(seen.lock().unwrap().creates[0].0["token"], OWN_TOKEN);
}

/// GHN's standard option as the buyer's quote shows it.
async fn ghn_standard_quote(app: &TestApp, product_id: i64) -> Value {
    let body = checkout_body(&[(product_id, 2)], "vietqr");
    let (status, quote) = app.send_json(Method::POST, "/api/v1/checkout/quote", None, &body).await;
    assert_eq!(status, 200, "{quote}");
    let options = quote["orders"][0]["options"].as_array().unwrap();
    options.iter().find(|o| o["id"] == "ghn:standard").cloned().unwrap_or_else(|| panic!("no GHN: {quote}"))
}

#[tokio::test]
async fn carrier_account_prices_checkout_with_the_producers_own_contract() {
    let key = SecretKey::generate();
    let (settings, seen) = ghn_settings(true, Some(&key)).await;
    let app = spawn_app_with(settings).await;
    let (tea, product) = remote_store(&app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(tea.id)).await;

    let platform = ghn_standard_quote(&app, product.id).await;
    assert_eq!(
        (platform["fee_vnd"].as_i64(), platform["sample_rates"].as_bool()),
        (Some(GHN_PLATFORM_FEE), Some(false))
    );
    assert_eq!(seen.lock().unwrap().previews.last().unwrap()["token"], "ghn-test-token");

    assert_eq!(save_ghn(&app, &json!(tea.id), &seller, OWN_TOKEN).await.0, 200);
    let own = ghn_standard_quote(&app, product.id).await;
    assert_eq!(own["fee_vnd"], GHN_CONTRACT_FEE, "the price the producer's own account pays: {own}");
    {
        let seen = seen.lock().unwrap();
        let asked = seen.previews.last().unwrap();
        assert_eq!((&asked["token"], &asked["shopid"]), (&OWN_TOKEN.parse().unwrap(), &"99001".parse().unwrap()));
    }
    // Checkout charges what the quote showed, and the seller books with the same account.
    let mut body = checkout_body(&[(product.id, 2)], "cod");
    body["delivery"] = json!({ tea.id.to_string(): "ghn:standard" });
    let (status, placed) = app.send_json(Method::POST, "/api/v1/checkout", None, &body).await;
    assert_eq!(status, 201, "{placed}");
    assert_eq!(placed["orders"][0]["shipping_vnd"], GHN_CONTRACT_FEE);

    // An account whose credentials no longer open prices nothing live: the card quotes.
    sqlx::query("UPDATE carrier_accounts SET credentials = 'v1:unknown:AAAA' WHERE producer_id = $1")
        .bind(tea.id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let asked_before = seen.lock().unwrap().previews.len();
    let card = ghn_standard_quote(&app, product.id).await;
    assert_eq!(card["sample_rates"], true, "{card}");
    assert_eq!(seen.lock().unwrap().previews.len(), asked_before, "GHN not asked with another account's prices");

    // Other producers keep the platform's price.
    let (_, other_product) = remote_store(&app).await;
    assert_eq!(ghn_standard_quote(&app, other_product.id).await["fee_vnd"], GHN_PLATFORM_FEE);
}

#[tokio::test]
async fn carrier_account_saving_without_a_key_is_refused_and_says_the_operator_must_set_it() {
    let (settings, _) = ghn_settings(true, None).await;
    let app = spawn_app_with(settings).await;
    let (order, seller) = ghn_order(&app).await;
    let (status, answer) = save_ghn(&app, &order["producer_id"], &seller, OWN_TOKEN).await;
    assert_eq!(status, 409, "{answer}");
    let detail = answer["detail"].as_str().unwrap();
    assert!(detail.contains("DACSAN_SECRET_KEY") && detail.contains("người vận hành cần đặt"), "{detail}");
    assert!(stored_credentials(&app, &order["producer_id"]).await.is_empty());
}

#[tokio::test]
async fn carrier_accounts_page_saves_shows_the_hint_and_removes() {
    let key = SecretKey::generate();
    let (settings, _) = ghn_settings(true, Some(&key)).await;
    let app = spawn_app_with(settings).await;
    let (order, _) = ghn_order(&app).await;
    let producer = order["producer_id"].as_i64().unwrap();
    let (_, email, _) = app.user(Role::Seller, Some(producer)).await;
    app.sign_in(&email, "password-123").await;
    let page = format!("/seller/producers/{producer}/carrier-accounts");

    let (_, desk) = app.page("/seller").await;
    assert!(desk.contains(&format!("href=\"{page}\"")), "the seller's desk leads there");
    let (status, html) = app.page(&page).await;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"token\"") && html.contains("GHTK"), "{html}");
    let (status, location, body) =
        app.post_form(&page, &[("carrier", "ghn"), ("token", "tiny"), ("shop_id", "")]).await;
    assert_eq!(status, 200, "the form again, with the error: {location}");
    assert!(body.contains("8 to 512 characters") || body.contains("8 đến 512"), "{body}");
    let (status, location, _) =
        app.post_form(&page, &[("carrier", "ghn"), ("token", OWN_TOKEN), ("shop_id", "99001")]).await;
    assert_eq!((status, location.as_str()), (303, format!("{page}?saved=ghn").as_str()));
    let (_, html) = app.page(&format!("{page}?saved=ghn")).await;
    assert!(html.contains("••••7f3a"), "{html}");
    assert!(!html.contains(OWN_TOKEN), "the page never shows the token");

    let (status, location, _) = app.post_form(&format!("{page}/ghn/delete"), &[]).await;
    assert_eq!((status, location.as_str()), (303, format!("{page}?removed=ghn").as_str()));
    let (_, html) = app.page(&page).await;
    assert!(!html.contains("••••7f3a"));

    let (_, stranger, _) = app.user(Role::Seller, None).await;
    app.sign_in(&stranger, "password-123").await;
    let (status, _) = app.page(&page).await;
    assert_eq!(status, 403, "another seller");
}

/// Runs `dacsan rotate-key` on the app's database.
fn rotate_key(app: &TestApp, current: Option<&SecretKey>, new: Option<&SecretKey>) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_dacsan"));
    command.arg("rotate-key").env("DACSAN_DATABASE_URL", &app.database_url);
    command.env_remove("DACSAN_SECRET_KEY").env_remove("DACSAN_NEW_SECRET_KEY");
    if let Some(key) = current {
        command.env("DACSAN_SECRET_KEY", key.to_base64());
    }
    if let Some(key) = new {
        command.env("DACSAN_NEW_SECRET_KEY", key.to_base64());
    }
    command.output().expect("run dacsan rotate-key")
}

async fn start_with(app: &TestApp, key: Option<&SecretKey>) -> Result<dacsan::AppState, String> {
    let settings =
        Settings { secret_key: Secret(key.map(SecretKey::to_base64).unwrap_or_default()), ..test_settings() };
    dacsan::start(&app.database_url, settings).await.map_err(|e| format!("{e:#}"))
}

#[tokio::test]
async fn carrier_account_sealed_values_need_their_key_to_start_and_rotate_key_moves_them_to_a_new_one() {
    let old = SecretKey::generate();
    let (settings, _) = ghn_settings(true, Some(&old)).await;
    let app = spawn_app_with(settings).await;
    let (order, seller) = ghn_order(&app).await;
    let producer = &order["producer_id"];
    let err = start_with(&app, None).await.err().expect("the signing key was sealed at the first start");
    assert!(err.contains("the trace signing key") && err.contains("DACSAN_SECRET_KEY is not set"), "{err}");
    assert_eq!(save_ghn(&app, producer, &seller, OWN_TOKEN).await.0, 200);

    let err = start_with(&app, None).await.err().expect("no key: no start");
    assert!(err.contains("DACSAN_SECRET_KEY is not set") && err.contains(old.id()), "{err}");
    let new = SecretKey::generate();
    let err = start_with(&app, Some(&new)).await.err().expect("another key: no start");
    assert!(err.contains("does not open") && err.contains("DACSAN_SECRET_KEY"), "{err}");
    let settings = Settings { secret_key: Secret("c2hvcnQ=".into()), ..test_settings() };
    let err = format!("{:#}", dacsan::start(&app.database_url, settings).await.err().expect("not a key"));
    assert!(err.contains("DACSAN_SECRET_KEY is not a usable key: it is 5 bytes long"), "{err}");

    let out = rotate_key(&app, Some(&old), None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("DACSAN_NEW_SECRET_KEY"));
    let out = rotate_key(&app, Some(&SecretKey::generate()), Some(&new));
    assert!(!out.status.success(), "the wrong current key");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was changed"), "{out:?}");
    let before = stored_credentials(&app, producer).await;
    assert!(before[0].contains(old.id()));

    let out = rotate_key(&app, Some(&old), Some(&new));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Re-encrypted 2 values"), "{out:?}");
    let after = stored_credentials(&app, producer).await;
    assert!(after[0].starts_with(&format!("v1:{}:", new.id())), "{}", after[0]);
    assert!(!after[0].contains(OWN_TOKEN));

    let err = start_with(&app, Some(&old)).await.err().expect("the old key no longer starts it");
    assert!(err.contains("does not open"), "{err}");
    let state = start_with(&app, Some(&new)).await.expect("the new key starts it");
    let accounts = dacsan::logistics::accounts::service::list(&state.db, &state.logistics, producer.as_i64().unwrap())
        .await
        .unwrap();
    assert_eq!(accounts[0].token_hint.as_deref(), Some("••••7f3a"), "the new key opens the account");

    let out = rotate_key(&app, Some(&old), Some(&new));
    assert!(out.status.success(), "run twice: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Re-encrypted 0 values"), "{out:?}");
}

#[tokio::test]
async fn carrier_accounts_of_an_app_without_carriers_list_nothing() {
    let app = spawn_app().await;
    let (order_producer, _) = crate::logistics::remote_store(&app).await;
    let (_, _, seller) = app.user(Role::Seller, Some(order_producer.id)).await;
    let (status, list) =
        app.get_json_as(&format!("/api/v1/producers/{}/carrier-accounts", order_producer.id), &seller).await;
    assert_eq!((status, list["items"].as_array().map(Vec::len)), (200, Some(0)), "{list}");
}

async fn stored_signing_key(app: &TestApp) -> (String, Option<String>) {
    sqlx::query_as("SELECT secret_key, secret_key_sealed FROM signing_keys")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_trace_signing_key_is_sealed_once_a_key_is_set_and_rotates_with_the_other_secrets() {
    let app = spawn_app().await;
    let signer = app.state.trace.trace_key.key_id.clone();
    let (plain, sealed) = stored_signing_key(&app).await;
    assert!(!plain.is_empty() && sealed.is_none(), "no key set: stored as it is");

    let key = SecretKey::generate();
    let state = start_with(&app, Some(&key)).await.expect("a key set later");
    assert_eq!(state.trace.trace_key.key_id, signer, "the same key signs");
    let (plain, sealed) = stored_signing_key(&app).await;
    assert!(plain.is_empty(), "the plain secret is gone");
    assert!(sealed.as_deref().unwrap().starts_with(&format!("v1:{}:", key.id())), "{sealed:?}");
    let err = start_with(&app, None).await.err().expect("sealed: no start without the key");
    assert!(err.contains("the trace signing key") && err.contains(key.id()), "{err}");

    let new = SecretKey::generate();
    let out = rotate_key(&app, Some(&key), Some(&new));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Re-encrypted 1 values"), "{out:?}");
    let state = start_with(&app, Some(&new)).await.expect("the new key opens it");
    assert_eq!(state.trace.trace_key.key_id, signer);
    assert!(start_with(&app, Some(&key)).await.is_err(), "the old key no longer does");
}
