//! HTTP tests of the open data: the JSON list and petition (aggregates only, never a signer or
//! the author), `ETag` and `304`, `404` JSON for ids that do not exist, the CSV of a list, the
//! Atom feeds, and the OpenAPI document — generated from the code — checked against the
//! responses: every documented path answers, and every JSON answer validates against its
//! documented schema (a schema-driven check, as schemathesis would do).

mod common;

use app::model::{PetitionStatus, Role};
use app::server::services::petitions::counting;
use app::server::services::today;
use app::server::testing::people::{self, Listed};
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use common::*;
use serde_json::Value;

struct World {
    site: Site,
    open: i32,
    answered: i32,
    inquiry: i32,
    draft_inquiry: i32,
    proposal: i32,
    hidden_proposal: i32,
    proposer: String,
}

async fn world() -> World {
    let site = Site::new().await;
    let db = &site.test.db;
    let p = people::verified_citizens(db, "od", 7, "75", true)
        .await
        .expect("people");
    people::grant(db, &p[6].email, Role::Deputy, Some("maslikhat-75"))
        .await
        .expect("deputy");
    let inquiry_draft = app::model::InquiryDraft {
        id: None,
        deputy: p[6].id,
        addressee: "akimat-75".into(),
        topic: "water".into(),
        territory: "75".into(),
        title: "Water pressure in Almaly district".into(),
        text: "When will the pressure be restored?".into(),
        note: "A private note of the office".into(),
        petition: String::new(),
        cosigners: vec![],
    };
    use app::server::services::inquiries;
    let mut inquiry_ids = Vec::new();
    for _ in 0..2 {
        inquiry_ids.push(
            inquiries::save_draft(db, p[6].id, &inquiry_draft, Utc::now(), today())
                .await
                .expect("draft"),
        );
    }
    inquiries::send(db, p[6].id, inquiry_ids[0], Utc::now(), today())
        .await
        .expect("sent");
    use app::server::services::councils::proposals;
    people::grant(
        db,
        &p[5].email,
        Role::CouncilSecretary,
        Some("council-akimat-75"),
    )
    .await
    .expect("secretary");
    let mut proposal_ids = Vec::new();
    for title in ["Evening hours for school sports grounds", "Spam"] {
        let form = proposals::ProposalForm {
            title: title.into(),
            text: "Open the grounds to residents in the evenings.".into(),
            topic: "education".into(),
            territory_kato: "75".into(),
        };
        proposal_ids.push(
            proposals::send(db, p[2].id, "council-akimat-75", &form, Utc::now(), today())
                .await
                .expect("proposed")
                .0,
        );
    }
    proposals::hide(
        db,
        p[5].id,
        proposal_ids[1],
        "Advertising",
        Utc::now(),
        today(),
    )
    .await
    .expect("hidden");
    people::grant(db, &p[1].email, Role::Moderator, None)
        .await
        .expect("moderator");
    let now = Utc::now();
    let mut ids = Vec::new();
    for (title, kato, status) in [
        ("Жол жөндеу: Төле би көшесі", "75", PetitionStatus::Open),
        (
            "=HYPERLINK(\"http://x\") water",
            "19",
            PetitionStatus::Answered,
        ),
    ] {
        let listed = Listed {
            title,
            summary: "What we ask for.",
            text: "The text.",
            body: if kato == "75" {
                "akimat-75"
            } else {
                "akimat-19"
            },
            kato,
            topic: "roads",
            status,
            opened: now - Duration::days(4),
        };
        ids.push(
            people::listed_petition(db, p[0].id, p[1].id, &listed)
                .await
                .expect("petition"),
        );
    }
    people::signatures_at(db, ids[0], &p[2..5], "75", now - Duration::hours(2))
        .await
        .expect("signed");
    counting::fold(db, 100_000, now, today())
        .await
        .expect("folded");
    app::server::services::signature_log::checkpoint(db, &site.state.log_key, now)
        .await
        .expect("checkpoint");
    World {
        site,
        open: ids[0],
        answered: ids[1],
        inquiry: inquiry_ids[0],
        draft_inquiry: inquiry_ids[1],
        proposal: proposal_ids[0],
        hidden_proposal: proposal_ids[1],
        proposer: p[2].display_name.clone(),
    }
}

async fn json(site: &Site, path: &str) -> (StatusCode, header::HeaderMap, Value) {
    let (status, headers, body) = site.get(path, &[]).await;
    let value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"));
    (status, headers, value)
}

/// A validator for the schema `name` of the document's components.
fn validator(doc: &Value, reference: &str) -> jsonschema::Validator {
    let schema = serde_json::json!({
        "$ref": reference,
        "components": doc["components"].clone(),
    });
    jsonschema::validator_for(&schema).expect("the document's schema compiles")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_open_data_answers_as_its_document_says() {
    let w = world().await;
    let s = &w.site;

    // The list: aggregates, paged, cached by ETag.
    let (status, headers, list) = json(s, "/api/v1/petitions?status=open").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], w.open);
    assert_eq!(list["items"][0]["signatures"], 3);
    assert_eq!(list["items"][0]["signatures_last_24h"], 3);
    let tag = headers
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .expect("an ETag")
        .to_owned();
    assert!(headers.get(header::CACHE_CONTROL).is_some());
    let (status, _, body) = s
        .get("/api/v1/petitions?status=open", &[("if-none-match", &tag)])
        .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    // Unknown values are named, not refused; a search in Latin script finds Cyrillic.
    let (_, _, odd) = json(s, "/api/v1/petitions?region=00&q=jol").await;
    assert_eq!(odd["ignored"], serde_json::json!(["region"]));
    assert_eq!(odd["items"][0]["id"], w.open);

    // A query string that is none: the client's error, in JSON, never a 500.
    for bad in ["q=a&q=b", "page=1&page=2"] {
        let (status, _, body) = json(s, &format!("/api/v1/petitions?{bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(body["error"], "bad_request");
    }
    for odd in [
        "q=%FF%FE",
        "page=99999999999999",
        "sort=%27%3B--",
        "q=%F0%9F%9A%A7",
        "region=%00",
    ] {
        let (status, _, _) = json(s, &format!("/api/v1/petitions?{odd}")).await;
        assert_eq!(status, StatusCode::OK, "{odd}");
    }

    // One petition: counts per grade, region and day, the answer, the timeline; nobody's name.
    let (status, _, one) = json(s, &format!("/api/v1/petitions/{}", w.open)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["signatures"]["email_verified"], 3);
    assert_eq!(
        one["signatures_by_region"].as_array().map(Vec::len),
        Some(20)
    );
    let text = one.to_string();
    for personal in [
        "\"author\":",
        "\"signers\":",
        "email\":",
        "@example.kz",
        "Aigerim",
        "Nurlan",
        "Дина",
        "Ерлан",
    ] {
        assert!(!text.contains(personal), "{personal} in {text}");
    }
    let (_, _, answered) = json(s, &format!("/api/v1/petitions/{}", w.answered)).await;
    assert_eq!(answered["answer"]["decision"], "partly_accepted");
    for missing in ["999999", "abc", "-1", "1e9", "%F0%9F%9A%A7"] {
        let (status, _, body) = json(s, &format!("/api/v1/petitions/{missing}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
        assert_eq!(body["error"], "not_found");
    }

    // The CSV of a list: a header, a row each, formulas defused.
    let (status, headers, csv) = s.get("/api/v1/petitions.csv", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    assert_eq!(csv.lines().count(), 3);
    assert!(
        csv.lines()
            .next()
            .unwrap_or_default()
            .starts_with("id,url,title,status")
    );
    assert!(csv.contains("'=HYPERLINK"), "a formula is defused: {csv}");

    // The feeds: Atom, for the country and for a region.
    let (status, headers, atom) = s.get("/api/v1/feeds/petitions.atom?lang=en", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap_or_default()
            .starts_with("application/atom+xml")
    );
    let feed: atom_syndication::Feed = atom.parse().expect("a valid Atom feed");
    assert_eq!(feed.entries().len(), 3, "two opened, one answered");
    assert!(
        feed.entries()
            .iter()
            .any(|e| e.title().as_str().starts_with("Answered: "))
    );
    let (_, _, region) = s.get("/api/v1/feeds/petitions.atom?region=19", &[]).await;
    let region: atom_syndication::Feed = region.parse().expect("valid");
    assert_eq!(region.entries().len(), 2);
    let (status, _, _) = s
        .get("/api/v1/feeds/petitions.atom?region=nowhere", &[])
        .await;
    assert_eq!(status, StatusCode::OK, "an unknown region is an empty feed");
    // The inquiries' feed: the sent one, in its maslikhat's feed and the country's, not a draft.
    for path in [
        "/api/v1/feeds/inquiries.atom?lang=en",
        "/api/v1/feeds/inquiries.atom?lang=en&maslikhat=maslikhat-75",
    ] {
        let (status, _, atom) = s.get(path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let feed: atom_syndication::Feed = atom.parse().expect("a valid Atom feed");
        assert_eq!(
            feed.title().as_str(),
            "Dauys — deputies' inquiries sent, answered and closed"
        );
        let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
        assert_eq!(
            titles,
            ["Sent: Water pressure in Almaly district"],
            "{path}"
        );
    }
    let (_, _, other) = s
        .get("/api/v1/feeds/inquiries.atom?maslikhat=maslikhat-19", &[])
        .await;
    let other: atom_syndication::Feed = other.parse().expect("valid");
    assert!(other.entries().is_empty(), "another maslikhat's feed");

    // Deputies' inquiries: the sent one, never a draft, never the office's private note.
    let (status, _, list) = json(s, "/api/v1/inquiries?maslikhat=maslikhat-75&topic=water").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], w.inquiry);
    assert_eq!(list["items"][0]["topic"], "water");
    assert_eq!(list["items"][0]["state"], "sent");
    assert_eq!(list["items"][0]["answer_state"], "awaiting_answer");
    let (_, _, none) = json(s, "/api/v1/inquiries?topic=roads").await;
    assert_eq!(none["total"], 0);
    // Words, in either script: a Cyrillic query finds the Latin title; punctuation finds none.
    for (words, total) in [
        ("almaly%20pressure", 1),
        ("%D0%90%D0%BB%D0%BC%D0%B0%D0%BB%D1%8B", 1),
        ("pressure%20bus", 0),
        ("%21%21", 0),
    ] {
        let (_, _, found) = json(s, &format!("/api/v1/inquiries?q={words}")).await;
        assert_eq!(found["total"], total, "{words}");
    }
    let (status, _, one) = json(s, &format!("/api/v1/inquiries/{}", w.inquiry)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["title"], "Water pressure in Almaly district");
    assert!(one["timeline"].as_array().is_some_and(|t| !t.is_empty()));
    let (_, _, raw) = s
        .get(&format!("/api/v1/inquiries/{}", w.inquiry), &[])
        .await;
    assert!(
        !raw.contains("private note"),
        "the office's note stays private"
    );
    let (status, _, body) = json(s, &format!("/api/v1/inquiries/{}", w.draft_inquiry)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a draft is not public");
    assert_eq!(body["error"], "not_found");
    // A NUL or another control character names nothing; never a 500 (PostgreSQL refuses a NUL).
    for path in [
        "/api/v1/inquiries?topic=%00",
        "/api/v1/inquiries?maslikhat=%00x",
        "/api/inquiries.csv?addressee=%07",
        "/api/v1/feeds/inquiries.atom?maslikhat=%00",
        "/api/v1/topics?x=%00",
        "/en/inquiries?maslikhat=%00&topic=%00",
        "/en/inquiries?q=%FF%FE",
        "/api/v1/inquiries?q=%FF%00",
        "/en/search?q=%FF%FE",
        "/en/search?q=%00%E2%80%AE",
        "/en/councils/council-akimat-75?q=%FF",
    ] {
        let (status, _, _) = s.get(path, &[]).await;
        assert!(
            status.is_success() || status.is_client_error(),
            "{path}: {status}"
        );
    }
    let (status, _, _) = json(s, "/api/v1/proposals?council=%00").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, body) = json(s, "/api/v1/inquiries?deputy=abc").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "bad_request");
    // Proposals to councils: the one not hidden, never its author.
    let (status, _, list) = json(s, "/api/v1/proposals?council=council-akimat-75").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], w.proposal);
    assert_eq!(list["items"][0]["topic"], "education");
    assert_eq!(list["items"][0]["desk_state"], "new");
    let (status, _, raw) = s
        .get(&format!("/api/v1/proposals/{}", w.proposal), &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(raw.contains("Evening hours for school sports grounds"));
    assert!(
        !raw.contains(&w.proposer),
        "the author's name is not open data"
    );
    let (status, _, body) = json(s, &format!("/api/v1/proposals/{}", w.hidden_proposal)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a hidden proposal");
    assert_eq!(body["error"], "not_found");
    let (status, _, _) = json(s, "/api/v1/proposals?council=no-such-council").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, all) = json(s, "/api/v1/proposals").await;
    assert_eq!(all["total"], 1);
    // Words, in either script; a hidden proposal is never found; a NUL finds nothing.
    for (words, total) in [
        ("evening%20grounds", 1),
        ("spam", 0),
        ("any", 0),
        ("school&council=council-akimat-75", 1),
        ("school&council=council-akimat-71", 0),
        ("%00", 0),
        ("%FF%FE", 0),
    ] {
        let (status, _, found) = json(s, &format!("/api/v1/proposals?q={words}")).await;
        assert_eq!(status, StatusCode::OK, "{words}");
        assert_eq!(found["total"], total, "{words}");
    }
    // The council's page takes the same words.
    let (status, _, page) = s
        .get("/en/councils/council-akimat-75?q=evening+hours", &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Evening hours for school sports grounds"));
    assert!(
        page.contains("value=\"evening hours\""),
        "the words stay in the field"
    );
    let (status, _, page) = s.get("/en/councils/council-akimat-75?q=bus%00", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("No proposals have these words."));
    assert!(!page.contains("Evening hours for school sports grounds"));
    // The proposals' feed: the one received, in its council's feed and the country's, never
    // the hidden one; its page is the council's.
    for path in [
        "/api/v1/feeds/proposals.atom?lang=en",
        "/api/v1/feeds/proposals.atom?lang=en&council=council-akimat-75",
    ] {
        let (status, _, atom) = s.get(path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let feed: atom_syndication::Feed = atom.parse().expect("a valid Atom feed");
        assert_eq!(
            feed.title().as_str(),
            "Dauys — proposals to public councils received, answered and declined"
        );
        let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
        assert_eq!(
            titles,
            ["Received: Evening hours for school sports grounds"],
            "{path}"
        );
        assert!(
            feed.entries()[0].links()[0]
                .href()
                .ends_with(&format!("/en/proposals/{}", w.proposal))
        );
    }
    let (_, _, one) = s
        .get(
            "/api/v1/feeds/proposals.atom?council=council-akimat-75",
            &[],
        )
        .await;
    let one: atom_syndication::Feed = one.parse().expect("valid");
    assert!(
        one.links()[0]
            .href()
            .ends_with("/kk/councils/council-akimat-75")
    );
    for path in [
        "/api/v1/feeds/proposals.atom?council=council-akimat-71",
        "/api/v1/feeds/proposals.atom?council=%00",
        "/api/v1/feeds/proposals.atom?council=no-such-council",
    ] {
        let (status, _, atom) = s.get(path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let feed: atom_syndication::Feed = atom.parse().expect("valid");
        assert!(feed.entries().is_empty(), "{path}");
    }
    // The topic catalogue, with the codes the lists take.
    let (status, _, topics) = json(s, "/api/v1/topics").await;
    assert_eq!(status, StatusCode::OK);
    let codes: Vec<&str> = topics["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|t| t["code"].as_str())
        .collect();
    assert_eq!(codes.len(), 12);
    assert_eq!(codes.first(), Some(&"roads"));
    assert_eq!(topics["items"][0]["name"]["en"], "Roads and streets");

    // The document, generated from the code, and the viewer.
    let (status, _, doc) = json(s, "/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        doc["openapi"]
            .as_str()
            .unwrap_or_default()
            .starts_with("3.")
    );
    let (status, _, viewer) = s.get("/api/docs/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(viewer.contains("swagger"), "the viewer's page");

    // Every documented path answers; every JSON answer validates against its schema.
    let paths = doc["paths"].as_object().expect("paths");
    assert_eq!(paths.len(), 18);
    // The signature log's paths with a documented query each (the log holds 3 signatures
    // and a tally).
    let concrete = |path: &str| {
        let query = match path {
            "/api/v1/log/entries" | "/api/v1/log/checkpoints" => "?start=0",
            "/api/v1/log/proof/inclusion" => "?index=1&size=4",
            "/api/v1/log/proof/consistency" => "?first=1&second=4",
            _ => "",
        };
        let id = if path.starts_with("/api/v1/inquiries/") {
            w.inquiry
        } else if path.starts_with("/api/v1/proposals/") {
            w.proposal
        } else {
            w.open
        };
        format!("{}{query}", path.replace("{id}", &id.to_string()))
    };
    let mut validated = 0;
    for (path, item) in paths {
        let responses = &item["get"]["responses"];
        let (status, _, body) = s.get(&concrete(path), &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        if let Some(reference) =
            responses["200"]["content"]["application/json"]["schema"]["$ref"].as_str()
        {
            let value: Value = serde_json::from_str(&body).expect("JSON");
            let v = validator(&doc, reference);
            let errors: Vec<String> = v.iter_errors(&value).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{path}: {errors:?}");
            validated += 1;
        }
        // The documented errors too (a number that is no petition).
        if let Some(reference) =
            responses["404"]["content"]["application/json"]["schema"]["$ref"].as_str()
            && path.contains("{id}")
        {
            let (_, _, body) = s.get(&path.replace("{id}", "0"), &[]).await;
            let value: Value = serde_json::from_str(&body).expect("JSON");
            assert!(validator(&doc, reference).is_valid(&value), "{path} 404");
        }
    }
    assert_eq!(
        validated, 13,
        "the list, the petition, the inquiries, an inquiry, the proposals, a proposal, the topics and six of the log's answers have JSON schemas"
    );
    // The schema is strict enough to catch a wrong answer.
    let wrong = serde_json::json!({ "items": "none", "total": -1 });
    assert!(!validator(&doc, "#/components/schemas/ApiPetitionList").is_valid(&wrong));
    // A documented parameter each list path takes.
    let params: Vec<&str> = doc["paths"]["/api/v1/petitions"]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(
        params,
        ["status", "region", "body", "topic", "q", "sort", "page"]
    );
    w.site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_search_finds_petitions_inquiries_and_proposals_in_either_script() {
    let w = world().await;
    let s = &w.site;
    // "water": the answered petition and the sent inquiry (never the draft), each linked.
    let (status, _, page) = s.get("/en/search?q=water", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(">Petitions (1)"), "{page}");
    assert!(page.contains(&format!("/en/petitions/{}", w.answered)));
    assert!(page.contains("=HYPERLINK(\"http://x\") water"));
    assert!(page.contains(" inquiries (1)"));
    assert!(page.contains(&format!("/en/inquiries/{}", w.inquiry)));
    assert!(!page.contains("found-proposals"));
    assert!(
        page.contains("value=\"water\""),
        "the words stay in the field"
    );
    // Latin script finds the Cyrillic petition; a proposal links its council with the words.
    let (_, _, page) = s.get("/en/search?q=zhol+tole", &[]).await;
    assert!(
        page.contains(&format!("/en/petitions/{}", w.open)),
        "zhol tole"
    );
    let (_, _, page) = s.get("/en/search?q=evening+hours", &[]).await;
    assert!(page.contains(&format!("/en/proposals/{}", w.proposal)));
    assert!(page.contains("/en/councils/council-akimat-75?q=evening%20hours#proposals-heading"));
    let (_, _, page) = s.get("/en/search?q=spam", &[]).await;
    assert!(
        page.contains("Nothing has these words."),
        "a hidden proposal is not found"
    );
    // Nothing asked, nothing searchable, a NUL: the form, never an error.
    let (status, _, page) = s.get("/en/search", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("One search over petitions"));
    for q in ["%21%21%21", "%00", "%E2%80%AE"] {
        let (status, _, page) = s.get(&format!("/en/search?q={q}"), &[]).await;
        assert_eq!(status, StatusCode::OK, "{q}");
        assert!(page.contains("Nothing has these words."), "{q}");
    }
    let long = "%D2%9B".repeat(5_000);
    for q in [
        "x%27%20OR%201%3D1--",
        "%22quoted%22%20AND%20NOT",
        "%F0%9F%98%80water",
        long.as_str(),
    ] {
        let (status, _, _) = s.get(&format!("/en/search?q={q}"), &[]).await;
        assert_eq!(status, StatusCode::OK, "{q}");
    }
    // In Kazakh and Russian.
    let (_, _, page) = s.get("/kk/search?q=water", &[]).await;
    assert!(page.contains("Петициялар") && page.contains("Депутаттық сауалдар"));
    let (_, _, page) = s.get("/ru/search?q=water", &[]).await;
    assert!(page.contains("Найдено: 2."));
    w.site.finish().await;
}
