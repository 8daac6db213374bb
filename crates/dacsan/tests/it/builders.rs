//! Fixture builders: `app.producer().province("12").create().await`, without SQL in
//! tests. They go through the same domain functions as the app.

use dacsan::auth::Role;
use dacsan::auth::model::hash_password;
use dacsan::auth::store as users;
use dacsan::catalog::model::ProductInput;
use dacsan::catalog::{service, store as products};
use dacsan::logistics::options::DeliveryTerms;
use dacsan::producers::model::ProducerInput;
use dacsan::producers::store as producers;

use crate::helpers::TestApp;

/// Test producers deliver for free within their region (their own delivery), so
/// that order totals in the market's tests are the goods' prices; `carriers_only()`
/// leaves delivery to the carriers' rate cards, as `logistics.rs` tests it.
pub struct ProducerBuilder<'a> {
    app: &'a TestApp,
    input: ProducerInput,
    free_delivery: bool,
}

impl TestApp {
    pub fn producer(&self) -> ProducerBuilder<'_> {
        ProducerBuilder {
            app: self,
            input: ProducerInput {
                name: Some("Hợp tác xã Chè Shan tuyết Sìn Hồ".into()),
                kind: Some("hop_tac_xa".into()),
                province_code: Some("12".into()),
                commune_code: Some("03478".into()),
                street: Some("Bản Sìn Hồ Dao".into()),
                phone: Some("0912345678".into()),
                tax_code: Some("6200123456".into()),
                story: Some("Chè cổ thụ **Shan tuyết**.".into()),
                ..Default::default()
            },
            free_delivery: true,
        }
    }

    pub fn product(&self, producer_id: i64) -> ProductBuilder<'_> {
        ProductBuilder {
            app: self,
            input: ProductInput {
                producer_id: Some(producer_id),
                name: Some("Chè Shan tuyết cổ thụ".into()),
                name_en: Some("Ancient Shan tuyet tea".into()),
                set_code: Some("che".into()),
                price_vnd: Some(250_000),
                unit: Some("hộp 200 g".into()),
                weight_g: Some(250),
                stock: Some(50),
                status: Some("active".into()),
                ..Default::default()
            },
        }
    }

    /// Gives a producer a VietQR receiving account (Vietcombank).
    pub async fn payment_account(&self, producer_id: i64) {
        let account = producers::PaymentAccount {
            bank_bin: "970436".into(),
            account_number: "0011002233445".into(),
            account_holder: "HTX CHE SHAN TUYET".into(),
        };
        producers::upsert_payment_account(&self.state.db, producer_id, &account).await.unwrap();
    }

    /// A user with a password of `password-123`; returns (id, e-mail, bearer token).
    pub async fn user(&self, role: Role, producer_id: Option<i64>) -> (i64, String, String) {
        let email = format!("{}-{}@example.vn", role.as_str(), rand_id());
        let hash = hash_password("password-123").unwrap();
        let new_user = users::NewUser {
            email: &email,
            name: "Test",
            phone: None,
            password_hash: &hash,
            role,
            privacy_consent: true,
        };
        let id = users::insert(&self.state.db, &new_user).await.unwrap().unwrap();
        if let Some(producer_id) = producer_id {
            users::add_producer_member(&self.state.db, id, producer_id, "owner").await.unwrap();
        }
        let token = users::create_session(&self.state.db, id, "api", 1).await.unwrap();
        (id, email, token)
    }
}

impl TestApp {
    /// An officer bound to the given provinces; returns (id, e-mail, bearer token).
    pub async fn officer(&self, provinces: &[&str]) -> (i64, String, String) {
        let (id, email, token) = self.user(Role::Officer, None).await;
        for code in provinces {
            users::add_officer_province(&self.state.db, id, code).await.unwrap();
        }
        (id, email, token)
    }
}

impl TestApp {
    /// Makes a collection point keeper's link one that expired a minute ago.
    pub async fn expire_keeper_link(&self, id: i64) {
        let past = dacsan::db::time_text(time::OffsetDateTime::now_utc() - time::Duration::minutes(1));
        sqlx::query("UPDATE collection_keepers SET expires_at = $1 WHERE id = $2")
            .bind(past)
            .bind(id)
            .execute(&self.state.db.pool)
            .await
            .expect("expire a keeper's link");
    }
}

fn rand_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(1);
    N.fetch_add(1, Ordering::Relaxed)
}

impl ProducerBuilder<'_> {
    pub fn name(mut self, name: &str) -> Self {
        self.input.name = Some(name.into());
        self
    }

    pub fn place(mut self, province: &str, commune: &str) -> Self {
        self.input.province_code = Some(province.into());
        self.input.commune_code = Some(commune.into());
        self
    }

    pub fn carriers_only(mut self) -> Self {
        self.free_delivery = false;
        self
    }

    pub async fn create(self) -> dacsan::producers::Producer {
        let db = &self.app.state.db;
        let valid = self.input.validate(None).expect("valid producer");
        let id = producers::insert(db, &valid).await.expect("insert producer");
        if self.free_delivery {
            let terms = DeliveryTerms { own_fee_vnd: Some(0), own_area: "region".into(), ..DeliveryTerms::default() };
            dacsan::logistics::store::save_delivery_terms(db, id, &terms).await.expect("delivery terms");
        }
        producers::find_by_id(db, id).await.unwrap().unwrap()
    }
}

pub struct ProductBuilder<'a> {
    app: &'a TestApp,
    input: ProductInput,
}

impl ProductBuilder<'_> {
    pub fn name(mut self, name: &str, name_en: &str) -> Self {
        self.input.name = Some(name.into());
        self.input.name_en = Some(name_en.into());
        self
    }

    pub fn price(mut self, price: i64) -> Self {
        self.input.price_vnd = Some(price);
        self
    }

    pub fn stock(mut self, stock: i64) -> Self {
        self.input.stock = Some(stock);
        self
    }

    pub fn set(mut self, set_code: &str) -> Self {
        self.input.set_code = Some(set_code.into());
        self
    }

    pub fn status(mut self, status: &str) -> Self {
        self.input.status = Some(status.into());
        self
    }

    pub fn gtin(mut self, gtin: &str) -> Self {
        self.input.gtin = Some(gtin.into());
        self
    }

    pub fn origin(mut self, commune: &str) -> Self {
        self.input.origin_commune_code = Some(commune.into());
        self
    }

    /// OCOP stars with a certificate from `certified_on` to `expires_on`.
    pub fn stars(mut self, stars: u8, certified_on: &str, expires_on: &str) -> Self {
        self.input.ocop_stars = Some(stars);
        self.input.ocop_certificate_no = Some("123/QĐ-UBND".into());
        self.input.ocop_authority = Some("UBND tỉnh Lai Châu".into());
        self.input.ocop_certified_on = Some(certified_on.into());
        self.input.ocop_expires_on = Some(expires_on.into());
        self
    }

    pub async fn create(self) -> dacsan::catalog::Product {
        let db = &self.app.state.db;
        let valid = self.input.validate(None, "03478").expect("valid product");
        let id = products::insert(db, &valid, false).await.expect("insert product");
        service::reindex_product(db, &self.app.state.search, id).await.unwrap();
        products::find_by_id(db, id).await.unwrap().unwrap()
    }
}

/// Programme-office facts for the indicator fixtures.
impl TestApp {
    /// Lists a product on another channel from `listed_on`, optionally until `delisted_on`.
    pub async fn listing(&self, product_id: i64, platform: &str, listed_on: &str, delisted_on: Option<&str>) -> i64 {
        use dacsan::programme::listings::{Platform, store};
        let platform = Platform::from_code(platform).expect("a platform code");
        let id =
            store::upsert(&self.state.db, product_id, platform, "https://example.vn/p", listed_on, None).await.unwrap();
        if let Some(day) = delisted_on {
            store::delist(&self.state.db, id, day).await.unwrap();
        }
        id
    }

    /// What a registry declares of a producer (as the registry import records it).
    pub async fn declare(&self, producer_id: i64, column: &str, on: &str) {
        assert!(
            ["declared_store_on", "declared_payment_on", "trained_digital_on", "trained_packaging_on"]
                .contains(&column),
            "not a declared column: {column}"
        );
        sqlx::query(&format!("UPDATE producers SET {column} = $1 WHERE id = $2"))
            .bind(on)
            .bind(producer_id)
            .execute(&self.state.db.pool)
            .await
            .unwrap();
    }

    /// Marks a product eligible for e-commerce (a registry column).
    pub async fn eligible(&self, product_id: i64) {
        sqlx::query("UPDATE products SET ecommerce_eligible = 1 WHERE id = $1")
            .bind(product_id)
            .execute(&self.state.db.pool)
            .await
            .unwrap();
    }

    /// A training course of `pillar` in the province with one session on `held_on`
    /// that `producer_id` attended (`completed` or not).
    pub async fn trained(&self, province: &str, pillar: &str, held_on: &str, producer_id: i64, completed: bool) {
        let db = &self.state.db;
        let now = dacsan::db::now();
        let course: i64 = sqlx::query_scalar(
            "INSERT INTO courses (province_code, title, pillar, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(province)
        .bind(format!("Khoá {pillar}"))
        .bind(pillar)
        .bind(&now)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let session: i64 = sqlx::query_scalar(
            "INSERT INTO training_sessions (course_id, held_on, place, trainer, created_at) VALUES ($1, $2, '', '', $3) RETURNING id",
        )
        .bind(course)
        .bind(held_on)
        .bind(&now)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO training_attendance (session_id, producer_id, attendee_name, completed) VALUES ($1, $2, 'A', $3)")
            .bind(session)
            .bind(producer_id)
            .bind(i64::from(completed))
            .execute(&db.pool)
            .await
            .unwrap();
    }
}

impl TestApp {
    /// A producer as the province's registry knows it: its `Mã cơ sở` (when given),
    /// name, commune and phone. Two producers may share a name (their slugs differ).
    pub async fn registry_producer(
        &self,
        code: Option<&str>,
        name: &str,
        (province, commune): (&str, &str),
        phone: &str,
    ) -> dacsan::producers::Producer {
        let db = &self.state.db;
        let input = ProducerInput {
            slug: Some(format!("{}-{}", dacsan::vn::text::slugify(name), rand_id())),
            name: Some(name.into()),
            kind: Some("ho_kinh_doanh".into()),
            province_code: Some(province.into()),
            commune_code: Some(commune.into()),
            street: Some("Bản Mới".into()),
            phone: Some(phone.into()),
            ..Default::default()
        };
        let valid = input.validate(None).expect("valid producer");
        let id = producers::insert(db, &valid).await.expect("insert producer");
        if let Some(code) = code {
            // The registry import (another part of the office) writes this column.
            sqlx::query("UPDATE producers SET registry_code = $1 WHERE id = $2")
                .bind(code)
                .bind(id)
                .execute(&db.pool)
                .await
                .unwrap();
        }
        producers::find_by_id(db, id).await.unwrap().unwrap()
    }
}
