//! The signature log over HTTP, checked from outside by `dauys-verify` against the real router
//! on a real port: a site whose counts add up passes; a signature row deleted by hand, or an
//! entry deleted by hand, makes it fail and name the petition or the entry. The log's
//! endpoints refuse bad ranges with 400 and a message. The verify page's browser check (the
//! `verify` wasm module's `check`, run natively here) reaches the site's verdict from what
//! `/api/log/material` sends it, and fails on a receipt altered by one character.

mod common;

use std::process::Command;

use app::model::Role;
use app::server::services::petitions::{
    counting,
    signing::{SignOutcome, SignRequest},
};
use app::server::services::{signature_log, today};
use app::server::testing::people;
use axum::http::StatusCode;
use chrono::Utc;
use common::*;
use sea_orm::ConnectionTrait;

/// Serves the site's router on a loopback port; returns its address.
async fn serve(site: &Site) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let addr = listener.local_addr().expect("address");
    let router = site.router.clone();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .ok();
    });
    format!("http://{addr}")
}

async fn fold(site: &Site) {
    let db = &site.test.db;
    while counting::fold(db, 1_000, Utc::now(), today())
        .await
        .expect("folds")
        .rows
        > 0
    {}
    signature_log::checkpoint(db, &site.state.log_key, Utc::now())
        .await
        .expect("checkpoint");
}

/// Runs `dauys-verify URL` (off the runtime's threads); its exit code and output.
async fn verify(url: &str) -> (Option<i32>, String) {
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || {
        let output = Command::new(env!("CARGO_BIN_EXE_dauys-verify"))
            .arg(&url)
            .output()
            .expect("runs");
        (
            output.status.code(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ),
        )
    })
    .await
    .expect("joins")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dauys_verify_passes_a_sound_log_and_names_what_was_deleted_by_hand() {
    let site = Site::new().await;
    let db = &site.test.db;
    let staff = people::verified_citizens(db, "vstaff", 2, "75", true)
        .await
        .expect("people");
    people::grant(db, &staff[1].email, Role::Moderator, None)
        .await
        .expect("moderator");
    let mut petitions = Vec::new();
    for title in ["Lit streets", "Clean water"] {
        petitions.push(
            people::approved_petition(db, staff[0].id, staff[1].id, title)
                .await
                .expect("petition"),
        );
    }
    let citizens = people::verified_citizens(db, "vsign", 12, "75", false)
        .await
        .expect("citizens");
    for (i, c) in citizens.iter().enumerate() {
        for &p in &petitions[..if i % 2 == 0 { 2 } else { 1 }] {
            let outcome = site
                .state
                .signer
                .sign(
                    db,
                    c,
                    SignRequest {
                        petition_id: p,
                        show_name: true,
                        notify: false,
                        ip: "10.0.0.1".into(),
                    },
                    Utc::now(),
                    today(),
                )
                .await
                .expect("signs");
            assert_eq!(outcome, SignOutcome::Signed);
        }
    }
    fold(&site).await;
    app::server::services::petitions::signing::withdraw(
        db,
        citizens[0].id,
        petitions[0],
        Utc::now(),
    )
    .await
    .expect("withdrawn");
    fold(&site).await;
    let url = serve(&site).await;

    // The endpoints: the checkpoint as text, bad ranges refused with a message.
    let (status, headers, note) = site.get("/api/v1/log/checkpoint", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[axum::http::header::CONTENT_TYPE]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/plain")
    );
    assert!(
        site.state.log_key.open(&note).is_some(),
        "the served checkpoint is signed: {note}"
    );
    for bad in [
        "/api/v1/log/entries?start=5&end=2",
        "/api/v1/log/entries?start=abc",
        "/api/v1/log/entries?start=-1",
        "/api/v1/log/entries?start=99999999999999999999999",
        "/api/v1/log/proof/consistency?first=5&second=2",
        "/api/v1/log/proof/consistency?first=0&second=2",
        "/api/v1/log/proof/consistency?first=1&second=100000",
        "/api/v1/log/proof/inclusion?index=100000&size=3",
        "/api/v1/log/proof/inclusion?index=1",
        "/api/v1/log/checkpoints?start=%FF",
    ] {
        let (status, _, body) = site.get(bad, &[]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert!(body.contains("\"error\""), "{bad}: {body}");
    }
    let (status, _, _) = site.get("/api/v1/petitions/0/log", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, body) = site
        .get(&format!("/api/v1/petitions/{}/log", petitions[0]), &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("\"revoke\""), "{body}");

    // A sound log: every checkpoint signed and consistent, every count adds up.
    let (code, out) = verify(&url).await;
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("OK:"), "{out}");

    // A signature deleted by hand: the site's count drops (the recount repairs it), the log
    // still holds it, and the verifier names the petition.
    db.execute_unprepared(&format!(
        "DELETE FROM signatures WHERE id = (SELECT MAX(id) FROM signatures WHERE petition_id = {})",
        petitions[1]
    ))
    .await
    .expect("deleted");
    counting::reconcile(db, None, Utc::now(), today())
        .await
        .expect("recounts");
    let (code, out) = verify(&url).await;
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("petition {}:", petitions[1])),
        "names the petition: {out}"
    );

    // An entry deleted by hand: the log has a hole, and the verifier says where.
    let victim: i64 = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT MIN(e.idx) AS idx FROM log_entries e WHERE e.kind = 'sign' \
             AND NOT EXISTS (SELECT 1 FROM log_entries r WHERE r.revokes = e.idx)",
        ))
        .await
        .expect("reads")
        .expect("a row")
        .try_get("", "idx")
        .expect("an entry");
    db.execute_unprepared(&format!("DELETE FROM log_entries WHERE idx = {victim}"))
        .await
        .expect("deleted");
    let (code, out) = verify(&url).await;
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("entry {victim}: missing")),
        "names the entry: {out}"
    );
    site.finish().await;
}

/// Posts `body` to `/api/log/material` as the verify page's script does.
async fn material(site: &Site, body: Vec<u8>) -> (StatusCode, String) {
    let (status, _, text) = site
        .send(
            "POST",
            "/api/log/material",
            &[
                ("host", "127.0.0.1"),
                ("origin", "http://127.0.0.1"),
                ("accept", "application/json"),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            body,
            None,
        )
        .await;
    (status, text)
}

fn form(receipt: &str) -> Vec<u8> {
    format!("receipt={}", urlencoding(receipt)).into_bytes()
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browser_check_reaches_the_sites_verdict_from_the_material_alone() {
    let site = Site::new().await;
    let db = &site.test.db;
    let staff = people::verified_citizens(db, "mstaff", 2, "75", true)
        .await
        .expect("people");
    people::grant(db, &staff[1].email, Role::Moderator, None)
        .await
        .expect("moderator");
    let petition = people::approved_petition(db, staff[0].id, staff[1].id, "Lit streets")
        .await
        .expect("petition");
    let citizens = people::verified_citizens(db, "msign", 3, "75", false)
        .await
        .expect("citizens");
    for c in &citizens {
        site.state
            .signer
            .sign(
                db,
                c,
                SignRequest {
                    petition_id: petition,
                    show_name: true,
                    notify: false,
                    ip: "10.0.0.1".into(),
                },
                Utc::now(),
                today(),
            )
            .await
            .expect("signs");
    }
    // Before the folding: pending, in both checks.
    let early = signature_log::receipt(db, &site.state.log_key, citizens[0].id, petition)
        .await
        .expect("reads")
        .expect("a receipt")
        .encode();
    fold(&site).await;
    app::server::services::petitions::signing::withdraw(db, citizens[2].id, petition, Utc::now())
        .await
        .expect("withdrawn");
    let withdrawn = signature_log::receipt(db, &site.state.log_key, citizens[2].id, petition)
        .await
        .expect("reads");
    assert!(
        withdrawn.is_none(),
        "a withdrawn signature has no receipt to show"
    );
    fold(&site).await;
    let receipt = signature_log::receipt(db, &site.state.log_key, citizens[1].id, petition)
        .await
        .expect("reads")
        .expect("a receipt")
        .encode();
    let altered = {
        let at = receipt.find("secret ").expect("a secret") + 7;
        let mut bytes = receipt.clone().into_bytes();
        bytes[at] = if bytes[at] == b'0' { b'1' } else { b'0' };
        String::from_utf8(bytes).expect("text")
    };
    for (text, expected) in [
        (receipt.as_str(), "Counted"),
        (early.as_str(), "Counted"),
        (altered.as_str(), "verify-fail-not-this-entry"),
        ("nonsense", "verify-fail-not-receipt"),
        ("dauys-receipt/v1\norigin x\n", "verify-fail-malformed"),
    ] {
        let (status, found) = material(&site, form(text)).await;
        assert_eq!(status, StatusCode::OK, "{text}: {found}");
        let in_the_browser = verify::check(text, &found);
        let on_the_site = signature_log::check(db, &site.state.log_key, text)
            .await
            .expect("checks");
        assert_eq!(
            serde_json::from_str::<app::model::ReceiptCheck>(&in_the_browser).ok(),
            Some(on_the_site),
            "{text}"
        );
        assert!(
            in_the_browser.contains(expected),
            "{text}: {in_the_browser}"
        );
    }
    // The material is checked, not trusted: the same answer with one hash changed fails.
    let (_, found) = material(&site, form(&receipt)).await;
    let tampered = found.replacen("\"inclusion\":[\"", "\"inclusion\":[\"f", 1);
    assert_ne!(tampered, found, "the entry has an audit path");
    assert!(
        verify::check(&receipt, &tampered).contains("verify-fail-"),
        "a changed proof fails"
    );
    assert!(verify::check(&receipt, "{}").contains("verify-fail-malformed"));

    // Bad input is the client's error, never a 500, and a receipt too long is malformed.
    for body in [
        b"receipt=%FF%FE".to_vec(),
        b"receipt=a&receipt=b".to_vec(),
        b"other=1".to_vec(),
        Vec::new(),
        b"receipt=\xff\xfe".to_vec(),
        format!("receipt={}", "a".repeat(6_000)).into_bytes(),
        b"receipt=%00%E2%80%AE".to_vec(),
    ] {
        let (status, text) = material(&site, body.clone()).await;
        assert!(
            status == StatusCode::OK || status.is_client_error(),
            "{}: {status} {text}",
            String::from_utf8_lossy(&body)
        );
    }
    site.finish().await;
}
