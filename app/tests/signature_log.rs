//! The public signature log on a real database (SQLite, or PostgreSQL with
//! `TEST_DATABASE_URL`): signatures become sign entries when they are counted, withdrawals and
//! invalidations become revoke entries, tallies state each count; the tree's roots and proofs
//! are checked against the RFC 6962 test vectors and an independent implementation
//! (`ct-merkle`); receipts check out, and altered ones fail with the reason.

use std::sync::Arc;

use app::model::{LogEntry, Receipt, ReceiptCheck, RevokeReason, Role};
use app::server::entities::user;
use app::server::services::petitions::{
    counting, fraud,
    signing::{self, SignOutcome, SignRequest, Signer},
};
use app::server::services::signature_log::{self as log, LogKey};
use app::server::services::today;
use app::server::testing::{TestDb, people, test_log_key};
use chrono::Utc;
use ct_merkle::{ConsistencyProof, InclusionProof, RootHash, mem_backed_tree::MemoryBackedTree};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use sha2_011::Sha256;

struct World {
    author: user::Model,
    moderator: user::Model,
    test: TestDb,
    signer: Signer,
    key: Arc<LogKey>,
    petition: i32,
    citizens: Vec<user::Model>,
    admin: user::Model,
}

async fn world(prefix: &str, citizens: usize) -> World {
    let test = TestDb::new().await;
    let staff = people::verified_citizens(&test.db, &format!("{prefix}-staff"), 3, "75", true)
        .await
        .expect("people");
    people::grant(&test.db, &staff[1].email, Role::Moderator, None)
        .await
        .expect("moderator");
    people::grant(&test.db, &staff[2].email, Role::Admin, None)
        .await
        .expect("admin");
    let petition = people::approved_petition(&test.db, staff[0].id, staff[1].id, "Lit streets")
        .await
        .expect("petition");
    let citizens = people::verified_citizens(&test.db, prefix, citizens, "75", false)
        .await
        .expect("citizens");
    World {
        signer: Signer::start(test.db.clone(), Arc::default()),
        key: test_log_key(),
        petition,
        citizens,
        admin: staff[2].clone(),
        author: staff[0].clone(),
        moderator: staff[1].clone(),
        test,
    }
}

async fn sign(w: &World, who: &user::Model, ip: &str) {
    let outcome = w
        .signer
        .sign(
            &w.test.db,
            who,
            SignRequest {
                petition_id: w.petition,
                show_name: true,
                notify: false,
                ip: ip.into(),
            },
            Utc::now(),
            today(),
        )
        .await
        .expect("signs");
    assert_eq!(outcome, SignOutcome::Signed);
}

/// Folds everything and signs a checkpoint, as the folding task does.
async fn fold(w: &World) -> u64 {
    while counting::fold(&w.test.db, 1_000, Utc::now(), today())
        .await
        .expect("folds")
        .rows
        > 0
    {}
    log::checkpoint(&w.test.db, &w.key, Utc::now())
        .await
        .expect("checkpoint");
    log::size(&w.test.db).await.expect("size")
}

async fn all_entries(db: &DatabaseConnection) -> Vec<String> {
    let size = log::size(db).await.expect("size");
    let mut out = Vec::new();
    while (out.len() as u64) < size {
        let page = log::entries(db, out.len() as u64, size)
            .await
            .expect("entries");
        out.extend(page.into_iter().map(|e| e.data));
    }
    out
}

fn root_of(checkpoint: &log::StoredCheckpoint) -> RootHash<Sha256> {
    RootHash::new(checkpoint.root.into(), checkpoint.size)
}

fn proof_bytes(hashes: &[tlog_tiles::Hash]) -> Vec<u8> {
    hashes.iter().flat_map(|h| h.0).collect()
}

#[test]
fn the_tree_hashes_as_rfc_6962_says() {
    // The leaves and roots of the Certificate Transparency test vectors (RFC 6962 hashing),
    // computed here with the crate the log uses and with an independent implementation.
    let leaves: [&[u8]; 8] = [
        b"",
        &[0x00],
        &[0x10],
        &[0x20, 0x21],
        &[0x30, 0x31],
        &[0x40, 0x41, 0x42, 0x43],
        &[0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        &[
            0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d,
            0x6e, 0x6f,
        ],
    ];
    let roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];
    struct Memory(Vec<tlog_tiles::Hash>);
    impl tlog_tiles::HashReader for Memory {
        fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<tlog_tiles::Hash>, tlog_tiles::Error> {
            Ok(indexes.iter().map(|i| self.0[*i as usize]).collect())
        }
    }
    let mut stored = Memory(Vec::new());
    let mut independent: MemoryBackedTree<Sha256, Vec<u8>> = MemoryBackedTree::new();
    for (n, leaf) in leaves.iter().enumerate() {
        let hashes = tlog_tiles::stored_hashes(n as u64, leaf, &stored).expect("appends");
        stored.0.extend(hashes);
        independent.push(leaf.to_vec());
        let root = tlog_tiles::tree_hash(n as u64 + 1, &stored).expect("root");
        assert_eq!(hex::encode(root.0), roots[n], "root of {} leaves", n + 1);
        assert_eq!(hex::encode(independent.root().as_bytes()), roots[n]);
    }
}

#[tokio::test]
async fn counted_signatures_are_entries_whose_proofs_an_independent_implementation_accepts() {
    let w = world("tree", 23).await;
    let db = &w.test.db;
    for (i, c) in w.citizens[..13].iter().enumerate() {
        sign(&w, c, &format!("10.0.0.{i}")).await;
    }
    let first_size = fold(&w).await;
    // 13 sign entries and one tally.
    assert_eq!(first_size, 14);
    let first = log::latest(db).await.expect("reads").expect("a checkpoint");
    assert_eq!(first.size, 14);
    let opened = w.key.open(&first.note).expect("signed with the site's key");
    assert_eq!(opened.size(), 14);
    assert_eq!(opened.hash().0, first.root);
    assert!(
        test_log_key()
            .open(&first.note.replace("14\n", "15\n"))
            .is_none(),
        "an altered checkpoint fails its signature"
    );
    for c in &w.citizens[13..] {
        sign(&w, c, "10.0.1.1").await;
    }
    let size = fold(&w).await;
    assert_eq!(size, 14 + 10 + 1);
    let latest = log::latest(db).await.expect("reads").expect("a checkpoint");
    // The independent tree over the same entries has the same root.
    let entries = all_entries(db).await;
    let mut independent: MemoryBackedTree<Sha256, Vec<u8>> = MemoryBackedTree::new();
    for e in &entries {
        independent.push(e.clone().into_bytes());
    }
    assert_eq!(
        independent.root().as_bytes().as_slice(),
        latest.root.as_slice()
    );
    let root = root_of(&latest);
    for index in [0, 1, 7, 13, 14, 24] {
        let proof = log::inclusion(db, index, latest.size)
            .await
            .expect("proves");
        root.verify_inclusion(
            &entries[index as usize].clone().into_bytes(),
            index,
            &InclusionProof::from_bytes(proof_bytes(&proof)),
        )
        .unwrap_or_else(|e| panic!("entry {index}: {e:?}"));
        // A proof for another entry does not prove this one.
        let other = log::inclusion(db, (index + 1) % latest.size, latest.size)
            .await
            .expect("proves");
        assert!(
            root.verify_inclusion(
                &entries[index as usize].clone().into_bytes(),
                index,
                &InclusionProof::from_bytes(proof_bytes(&other)),
            )
            .is_err()
                || index == (index + 1) % latest.size
        );
    }
    let consistency = log::consistency(db, first.size, latest.size)
        .await
        .expect("proves");
    root.verify_consistency(
        &root_of(&first),
        &ConsistencyProof::try_from_bytes(proof_bytes(&consistency)).expect("proof"),
    )
    .expect("the first checkpoint is a prefix of the latest");
    // Out-of-range requests are refused, never answered.
    for (index, size) in [(25, 25), (0, 26), (30, 10)] {
        assert!(matches!(
            log::inclusion(db, index, size).await,
            Err(log::ProofError::Range(_))
        ));
    }
    for (from, to) in [(0, 10), (20, 10), (1, 26)] {
        assert!(matches!(
            log::consistency(db, from, to).await,
            Err(log::ProofError::Range(_))
        ));
    }
    // No entry names a person: no account, no IIN, no name, no address.
    for (e, c) in entries.iter().zip(w.citizens.iter().cycle()) {
        let parsed = LogEntry::parse(e).expect("canonical");
        assert!(!e.contains(&c.email) && !e.contains(&c.display_name), "{e}");
        if let LogEntry::Sign { region, grade, .. } = parsed {
            assert_eq!(region, "75");
            assert_eq!(grade, "email_verified");
        }
    }
    // The log's count is the site's.
    let audit = log::audit(db).await.expect("audits");
    let mine = &audit[&w.petition];
    assert_eq!((mine.signs, mine.revokes, mine.tally), (23, 0, Some(23)));
    w.test.drop_database().await;
}

#[tokio::test]
async fn withdrawals_and_invalidations_are_revoke_entries_and_the_counts_still_add_up() {
    let w = world("revoke", 8).await;
    let db = &w.test.db;
    for (i, c) in w.citizens.iter().enumerate() {
        sign(&w, c, if i < 3 { "203.0.113.9" } else { "10.0.0.1" }).await;
    }
    fold(&w).await;
    signing::withdraw(db, w.citizens[5].id, w.petition, Utc::now())
        .await
        .expect("withdrawn");
    let invalidated = fraud::invalidate(
        db,
        w.admin.id,
        w.petition,
        &fraud::Filter {
            ip: Some("203.0.113.9".into()),
            ..Default::default()
        },
        RevokeReason::Duplicate,
        "one address, three signers within a second",
        Utc::now(),
    )
    .await
    .expect("invalidated");
    assert_eq!(invalidated, 3);
    fold(&w).await;
    let entries = all_entries(db).await;
    let revokes: Vec<LogEntry> = entries
        .iter()
        .filter_map(|e| LogEntry::parse(e))
        .filter(|e| matches!(e, LogEntry::Revoke { .. }))
        .collect();
    assert_eq!(revokes.len(), 4);
    assert_eq!(
        revokes
            .iter()
            .filter(|e| matches!(
                e,
                LogEntry::Revoke {
                    reason: RevokeReason::Withdrawn,
                    invalidation: 0,
                    ..
                }
            ))
            .count(),
        1
    );
    assert_eq!(
        revokes
            .iter()
            .filter(|e| matches!(e, LogEntry::Revoke { reason: RevokeReason::Duplicate, invalidation, .. } if *invalidation > 0))
            .count(),
        3
    );
    let audit = log::audit(db).await.expect("audits");
    let mine = &audit[&w.petition];
    assert_eq!((mine.signs, mine.revokes, mine.tally), (8, 4, Some(4)));
    assert_eq!(
        counting::counts(db, w.petition)
            .await
            .expect("counts")
            .email_verified,
        4
    );
    // Signing again after a withdrawal is a new sign entry with the same commitment.
    sign(&w, &w.citizens[5], "10.0.0.1").await;
    fold(&w).await;
    let audit = log::audit(db).await.expect("audits");
    assert_eq!(audit[&w.petition].signs - audit[&w.petition].revokes, 5);
    assert_eq!(audit[&w.petition].tally, Some(5));
    // Folding again adds nothing: every change is logged once.
    let size = log::size(db).await.expect("size");
    db.execute_unprepared(
        "INSERT INTO signature_fold_queue (signature_id) SELECT id FROM signatures WHERE true \
         ON CONFLICT DO NOTHING",
    )
    .await
    .expect("queues");
    assert_eq!(fold(&w).await, size);
    w.test.drop_database().await;
}

async fn receipt_of(w: &World, who: &user::Model) -> Receipt {
    log::receipt(&w.test.db, &w.key, who.id, w.petition)
        .await
        .expect("reads")
        .expect("a receipt")
}

async fn check(w: &World, text: &str) -> ReceiptCheck {
    log::check(&w.test.db, &w.key, text).await.expect("checks")
}

fn failed(reason: &str) -> ReceiptCheck {
    ReceiptCheck::Failed {
        reason: format!("verify-fail-{reason}"),
    }
}

#[tokio::test]
async fn a_receipt_checks_out_and_an_altered_one_fails_with_the_reason() {
    let w = world("receipt", 4).await;
    let db = &w.test.db;
    assert!(
        log::receipt(db, &w.key, w.citizens[0].id, w.petition)
            .await
            .expect("reads")
            .is_none(),
        "no signature, no receipt"
    );
    sign(&w, &w.citizens[0], "10.0.0.1").await;
    // Before the folding: the receipt has no index yet and says so when checked.
    let early = receipt_of(&w, &w.citizens[0]).await;
    assert_eq!(early.index, None);
    assert_eq!(
        check(&w, &early.encode()).await,
        ReceiptCheck::Pending {
            petition: w.petition
        }
    );
    fold(&w).await;
    // The early receipt (no index, no checkpoint) now finds its entry.
    assert!(matches!(
        check(&w, &early.encode()).await,
        ReceiptCheck::Counted {
            index: _,
            consistent_from: None,
            ..
        }
    ));
    let receipt = receipt_of(&w, &w.citizens[0]).await;
    let text = receipt.encode();
    let index = receipt.index.expect("logged");
    assert_eq!(
        check(&w, &text).await,
        ReceiptCheck::Counted {
            petition: w.petition,
            index,
            log_size: 2,
            consistent_from: Some(2),
        }
    );
    // Later signatures: the old receipt's checkpoint is proved consistent with the new one.
    for c in &w.citizens[1..] {
        sign(&w, c, "10.0.0.2").await;
    }
    let size = fold(&w).await;
    assert_eq!(
        check(&w, &text).await,
        ReceiptCheck::Counted {
            petition: w.petition,
            index,
            log_size: size,
            consistent_from: Some(2),
        }
    );
    // Altered by one character, each part fails with its reason.
    let secret = app::model::hex32(&receipt.secret);
    let flipped = format!(
        "{}{}",
        &secret[..63],
        if secret.ends_with('0') { "1" } else { "0" }
    );
    let other_index = if index == 0 { 1 } else { 0 };
    let cases = [
        (text.replace(&secret, &flipped), "not-this-entry"),
        (
            text.replace(&format!("index {index}"), &format!("index {other_index}")),
            "not-this-entry",
        ),
        (
            text.replace(&format!("index {index}"), "index 9999"),
            "index-past-log",
        ),
        (
            text.replace("dauys.test/signatures", "evil.example/signatures"),
            "other-site",
        ),
        (text.replace("\n2\n", "\n3\n"), "checkpoint-signature"),
        (
            text.replace("dauys-receipt/v1", "dauys-receipt/v2"),
            "not-receipt",
        ),
        (text.replace("petition ", "petition x"), "malformed"),
        (String::new(), "not-receipt"),
        ("\u{202e}\0".to_owned(), "not-receipt"),
    ];
    for (altered, reason) in cases {
        assert_eq!(check(&w, &altered).await, failed(reason), "{altered:?}");
    }
    let unknown = Receipt {
        index: None,
        checkpoint: None,
        secret: [9; 32],
        ..receipt.clone()
    };
    assert_eq!(check(&w, &unknown.encode()).await, failed("unknown"));
    // The browser's half: the material the site publishes gives the same verdict when checked
    // on its own, and material the site altered is caught.
    let Ok(app::log_check::Found::Material(material)) = log::material(db, &w.key, &receipt).await
    else {
        panic!("material for a logged receipt");
    };
    assert_eq!(
        app::log_check::verdict(&receipt, &material),
        check(&w, &text).await
    );
    let flip = |hex: &str| {
        let last = if hex.ends_with('0') { "1" } else { "0" };
        format!("{}{last}", &hex[..63])
    };
    let mut path_altered = material.clone();
    path_altered.inclusion[0] = flip(&path_altered.inclusion[0]);
    let mut note_altered = material.clone();
    note_altered.latest =
        note_altered
            .latest
            .replacen(&format!("\n{size}\n"), &format!("\n{}\n", size + 1), 1);
    let mut entry_altered = material.clone();
    entry_altered.entry =
        all_entries(db).await[usize::try_from(other_index).expect("small")].clone();
    let mut inconsistent = material.clone();
    inconsistent.consistency.clear();
    let mut revoke_invented = material.clone();
    revoke_invented.revoke = Some((
        size - 1,
        LogEntry::Revoke {
            petition: w.petition,
            sign_index: index,
            reason: RevokeReason::Withdrawn,
            invalidation: 0,
        }
        .encode(),
        material.inclusion.clone(),
    ));
    for (altered, reason) in [
        (path_altered, "not-included"),
        (note_altered, "latest-signature"),
        (entry_altered, "not-this-entry"),
        (inconsistent, "inconsistent"),
        (revoke_invented, "not-included"),
    ] {
        assert_eq!(
            app::log_check::verdict(&receipt, &altered),
            failed(reason),
            "{altered:?}"
        );
    }
    // Withdrawn: the signer's own doing, said as such; signing again counts again.
    signing::withdraw(db, w.citizens[0].id, w.petition, Utc::now())
        .await
        .expect("withdrawn");
    fold(&w).await;
    assert_eq!(
        check(&w, &text).await,
        ReceiptCheck::Withdrawn {
            petition: w.petition,
            index
        }
    );
    sign(&w, &w.citizens[0], "10.0.0.1").await;
    let size = fold(&w).await;
    match check(&w, &text).await {
        ReceiptCheck::Counted {
            index: again,
            log_size,
            ..
        } => assert!(again > index && log_size == size),
        other => panic!("signed again: {other:?}"),
    }
    // Invalidated: cancelled, with the reason.
    fraud::invalidate(
        db,
        w.admin.id,
        w.petition,
        &fraud::Filter {
            ip: Some("10.0.0.2".into()),
            ..Default::default()
        },
        RevokeReason::Ineligible,
        "bulk",
        Utc::now(),
    )
    .await
    .expect("invalidated");
    fold(&w).await;
    let flagged = receipt_of(&w, &w.citizens[1]).await;
    assert_eq!(check(&w, &flagged.encode()).await, failed("revoked"));
    w.test.drop_database().await;
}

#[tokio::test]
async fn signatures_from_before_the_log_are_logged_with_secrets_of_their_own() {
    let w = world("legacy", 3).await;
    let db = &w.test.db;
    // Rows as the fixtures (and the signatures of a site before this change) have them: no
    // receipt secret.
    people::signatures_at(db, w.petition, &w.citizens, "75", Utc::now())
        .await
        .expect("rows");
    fold(&w).await;
    // As migration 22 finds a site: counted, unlogged, marked for the folding. Logged one at a
    // time, no tally states a count the log does not hold yet.
    db.execute_unprepared(
        "DELETE FROM log_entries; DELETE FROM log_hashes; DELETE FROM log_checkpoints; \
         UPDATE signatures SET log_index = NULL, receipt_secret = NULL; \
         INSERT INTO signature_fold_queue (signature_id, petition_before_log) \
         SELECT id, CASE WHEN counted = 1 THEN petition_id END FROM signatures",
    )
    .await
    .expect("as before the log");
    while counting::fold(db, 1, Utc::now(), today())
        .await
        .expect("folds")
        .rows
        > 0
    {}
    log::checkpoint(db, &w.key, Utc::now())
        .await
        .expect("checkpoint");
    let entries = all_entries(db).await;
    assert_eq!(entries.len(), 4, "three signs and one tally: {entries:?}");
    assert!(matches!(
        LogEntry::parse(&entries[3]),
        Some(LogEntry::Tally {
            count: 3,
            size: 3,
            ..
        })
    ));
    let audit = log::audit(db).await.expect("audits");
    assert_eq!(audit[&w.petition].signs, 3);
    for c in &w.citizens {
        let receipt = receipt_of(&w, c).await;
        assert!(matches!(
            check(&w, &receipt.encode()).await,
            ReceiptCheck::Counted { .. }
        ));
    }
    w.test.drop_database().await;
}

#[tokio::test]
async fn one_fold_of_every_row_from_before_the_log_tallies_in_the_same_batch() {
    let w = world("legacy-once", 3).await;
    let db = &w.test.db;
    people::signatures_at(db, w.petition, &w.citizens, "75", Utc::now())
        .await
        .expect("rows");
    fold(&w).await;
    // As migration 22 finds a site, one of the three withdrawn before the folding saw it
    // (counted, never logged, withdrawn): its petition's tally must not wait for it either.
    db.execute_unprepared(&format!(
        "DELETE FROM log_entries; DELETE FROM log_hashes; DELETE FROM log_checkpoints; \
         UPDATE signatures SET log_index = NULL, receipt_secret = NULL; \
         INSERT INTO signature_fold_queue (signature_id, petition_before_log) \
         SELECT id, CASE WHEN counted = 1 THEN petition_id END FROM signatures; \
         UPDATE signatures SET withdrawn_at = created_at WHERE user_id = {}",
        w.citizens[2].id
    ))
    .await
    .expect("as before the log");
    let report = counting::fold(db, 5_000, Utc::now(), today())
        .await
        .expect("folds");
    assert_eq!(report.rows, 3);
    log::checkpoint(db, &w.key, Utc::now())
        .await
        .expect("checkpoint");
    let entries = all_entries(db).await;
    assert_eq!(entries.len(), 3, "two signs and one tally: {entries:?}");
    assert!(matches!(
        LogEntry::parse(&entries[2]),
        Some(LogEntry::Tally {
            count: 2,
            size: 2,
            ..
        })
    ));
    let pending: i64 = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT (SELECT COUNT(*) FROM signature_fold_queue) \
             + (SELECT COUNT(*) FROM signatures WHERE counted = 1 AND log_index IS NULL) AS n",
        ))
        .await
        .expect("reads")
        .expect("a row")
        .try_get("", "n")
        .expect("n");
    assert_eq!(pending, 0, "every row folded and every counted row logged");
    for c in &w.citizens[..2] {
        let receipt = receipt_of(&w, c).await;
        assert!(matches!(
            check(&w, &receipt.encode()).await,
            ReceiptCheck::Counted { .. }
        ));
    }
    w.test.drop_database().await;
}

#[test]
fn keys_read_back_whatever_their_base64_holds() {
    // The private key's base64 often holds `+`; the origin never does.
    for _ in 0..200 {
        let (key, private) = LogKey::generate("dauys.test/signatures");
        let again = LogKey::parse(&private).expect("reads back");
        assert_eq!(again.verifier_key(), key.verifier_key());
        assert_eq!(again.origin(), "dauys.test/signatures");
    }
    assert!(LogKey::parse("PRIVATE+KEY+x+00000000+AAAA").is_err());
    assert!(LogKey::parse("not a key").is_err());
}

#[tokio::test]
async fn signers_of_a_petition_closed_long_ago_are_anonymised_and_everything_still_checks() {
    use app::server::entities::signature;
    use app::server::services::housekeeping;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let w = world("forget", 3).await;
    let db = &w.test.db;
    for c in &w.citizens {
        sign(&w, c, "198.51.100.7").await;
    }
    fold(&w).await;
    let close = |months: i64| {
        format!(
            "UPDATE petitions SET status = 'closed', closed_reason = 'lapsed', closed_at = '{}' WHERE id = {}",
            (Utc::now() - chrono::Duration::days(months * 31)).format("%Y-%m-%d %H:%M:%S%:z"),
            w.petition
        )
    };
    // Closed a month ago: kept (the setting says six months).
    db.execute_unprepared(&close(1)).await.expect("closed");
    assert_eq!(
        housekeeping::anonymise_signers(db, Utc::now())
            .await
            .expect("runs"),
        0
    );
    // Closed seven months ago: the names, addresses and domains go; nothing that counts does.
    db.execute_unprepared(&close(7)).await.expect("closed");
    assert_eq!(
        housekeeping::anonymise_signers(db, Utc::now())
            .await
            .expect("runs"),
        3
    );
    assert_eq!(
        housekeeping::anonymise_signers(db, Utc::now())
            .await
            .expect("runs"),
        0
    );
    let rows = signature::Entity::find()
        .filter(signature::Column::PetitionId.eq(w.petition))
        .all(db)
        .await
        .expect("reads");
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(
            (
                row.public_name.as_str(),
                row.ip.as_str(),
                row.email_domain.as_str()
            ),
            ("", "", "")
        );
        assert!(!row.show_name);
        assert_eq!(row.counted, 1);
    }
    assert_eq!(
        counting::counts(db, w.petition)
            .await
            .expect("counts")
            .email_verified,
        3
    );
    let audit = log::audit(db).await.expect("audits");
    assert_eq!(
        (audit[&w.petition].signs, audit[&w.petition].tally),
        (3, Some(3))
    );
    for c in &w.citizens {
        let receipt = receipt_of(&w, c).await;
        assert!(matches!(
            check(&w, &receipt.encode()).await,
            ReceiptCheck::Counted { .. }
        ));
    }
    // The recount agrees: nothing drifted.
    counting::reconcile(db, None, Utc::now(), today())
        .await
        .expect("recounts");
    assert_eq!(
        counting::counts(db, w.petition)
            .await
            .expect("counts")
            .email_verified,
        3
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn the_moderation_record_shows_every_decision_and_invalidation_but_not_who() {
    use app::server::services::petitions::filing::{self, DraftForm};
    use app::server::services::petitions::moderation::{self, Decision};
    let w = world("record", 3).await;
    let db = &w.test.db;
    for c in &w.citizens {
        sign(&w, c, "203.0.113.5").await;
    }
    fold(&w).await;
    let submitted = |title: &'static str| async move {
        let now = Utc::now();
        let id = filing::save_draft(
            db,
            w.author.id,
            None,
            &DraftForm {
                title: title.into(),
                summary: "Light the streets of the district before winter comes.".into(),
                text: "The streets are dark.\n\nWe ask the akimat to light them.".into(),
                body_slug: "akimat-75".into(),
                territory_kato: "75".into(),
                topic: "roads".into(),
            },
            now,
        )
        .await
        .expect("saved");
        filing::submit(db, w.author.id, id, true, now, today())
            .await
            .expect("submitted");
        id
    };
    let returned = submitted("A draft the author must change").await;
    moderation::decide(
        db,
        w.moderator.id,
        returned,
        Decision::Return {
            note: "Name the streets".into(),
        },
        Utc::now(),
        today(),
    )
    .await
    .expect("returned");
    let rejected = submitted("Something the law keeps off the platform").await;
    let reason = moderation::reasons(db, Some(app::model::ReasonScope::Petition), false)
        .await
        .expect("catalogue")
        .into_iter()
        .find(|r| r.code == "offensive")
        .expect("seeded");
    moderation::decide(
        db,
        w.moderator.id,
        rejected,
        Decision::Reject {
            reason: reason.id,
            note: String::new(),
        },
        Utc::now(),
        today(),
    )
    .await
    .expect("rejected");
    fraud::invalidate(
        db,
        w.admin.id,
        w.petition,
        &fraud::Filter {
            ip: Some("203.0.113.5".into()),
            ..Default::default()
        },
        RevokeReason::Fraud,
        "one address",
        Utc::now(),
    )
    .await
    .expect("invalidated");
    let record = moderation::public_record(db, 1).await.expect("reads");
    assert_eq!(
        (
            record.approved,
            record.returned,
            record.rejected,
            record.invalidations,
            record.invalidated
        ),
        (1, 1, 1, 1, 3)
    );
    assert_eq!((record.page, record.pages), (1, 1));
    let kinds: Vec<(&str, i32)> = record
        .entries
        .iter()
        .map(|e| (e.kind.as_str(), e.petition))
        .collect();
    assert_eq!(
        kinds,
        [
            ("signatures_invalidated", w.petition),
            ("rejected", rejected),
            ("returned", returned),
            ("approved", w.petition),
        ],
        "newest first"
    );
    let by_kind = |kind: &str| {
        record
            .entries
            .iter()
            .find(|e| e.kind == kind)
            .expect("listed")
    };
    assert_eq!(
        by_kind("returned").title,
        None,
        "a returned draft is not public"
    );
    assert_eq!(
        by_kind("rejected").reason.as_ref().map(|r| r.en.clone()),
        Some(reason.names.en)
    );
    assert_eq!(by_kind("signatures_invalidated").signatures, Some(3));
    assert_eq!(
        by_kind("signatures_invalidated").grounds,
        Some(RevokeReason::Fraud),
        "the grounds are public"
    );
    assert_eq!(by_kind("rejected").grounds, None);
    assert_eq!(by_kind("approved").title.as_deref(), Some("Lit streets"));
    // Nobody who decided, nobody who signed.
    let shown = format!("{record:?}");
    for person in [&w.moderator, &w.admin, &w.citizens[0]] {
        assert!(!shown.contains(&person.display_name) && !shown.contains(&person.email));
    }
    assert!(
        !shown.contains("one address"),
        "the invalidation's internal note stays internal"
    );
    // A page past the end is the last page.
    assert_eq!(
        moderation::public_record(db, 99).await.expect("reads").page,
        1
    );
    w.test.drop_database().await;
}
