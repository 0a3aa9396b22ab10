//! `dauys-verify URL`: checks a running Dauys site's public signature log from the outside,
//! with nothing but its public endpoints.
//!
//! 1. Reads the log's origin and verifier key (`/api/v1/log/key`) and every checkpoint
//!    (`/api/v1/log/checkpoints`); each must be signed with that key.
//! 2. Downloads every entry up to the latest checkpoint (`/api/v1/log/entries`), reads each
//!    in its canonical form and rebuilds the Merkle tree (RFC 6962 hashing, `tlog_tiles`); the
//!    root at every checkpoint's size must be that checkpoint's root — so every checkpoint is a
//!    prefix of the next, and nothing logged was changed or removed.
//! 3. Checks the entries' rules: a revoke cancels an earlier sign entry of the same petition,
//!    once; every tally's count is the petition's signs minus valid revokes before it.
//! 4. For every petition in the log, compares signs − revokes (per grade) with the latest tally
//!    and with what the site's API says (`/api/v1/petitions/{id}`).
//!
//! Exits 0 when everything adds up; otherwise prints each problem, naming the petition or the
//! entry, and exits 1 (2 when the site cannot be read).

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Instant;

use app::model::LogEntry;
use app::server::services::signature_log::opened;
use base64::Engine as _;
use serde::Deserialize;
use tlog_tiles::{Hash, HashReader};

const USAGE: &str = "usage: dauys-verify URL   (e.g. https://dauys.kz)";

#[derive(Deserialize)]
struct Key {
    origin: String,
    verifier_key: String,
}

#[derive(Deserialize)]
struct Checkpoints {
    items: Vec<CheckpointItem>,
}

#[derive(Deserialize)]
struct CheckpointItem {
    size: u64,
    root: String,
    note: String,
}

#[derive(Deserialize)]
struct Entries {
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    index: u64,
    data: String,
}

#[derive(Deserialize)]
struct Petition {
    signatures: Grades,
}

#[derive(Deserialize)]
struct Grades {
    email_verified: i64,
    iin_checked: i64,
    digital_signature: i64,
}

/// The tree's stored hashes, in memory (they are dense: index `i` is `hashes[i]`).
struct Memory(Vec<Hash>);

impl HashReader for Memory {
    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, tlog_tiles::Error> {
        indexes
            .iter()
            .map(|i| {
                usize::try_from(*i)
                    .ok()
                    .and_then(|i| self.0.get(i).copied())
                    .ok_or(tlog_tiles::Error::IndexesNotInTree)
            })
            .collect()
    }
}

/// What the log says of one petition.
#[derive(Default)]
struct Count {
    /// Counted now, per grade (email_verified, iin_checked, digital_signature).
    grades: [i64; 3],
    tally: Option<i64>,
}

impl Count {
    fn total(&self) -> i64 {
        self.grades.iter().sum()
    }
}

fn grade_slot(grade: &str) -> Option<usize> {
    match grade {
        "email_verified" => Some(0),
        "iin_checked" => Some(1),
        "digital_signature" => Some(2),
        _ => None,
    }
}

struct Site {
    client: reqwest::Client,
    base: String,
}

impl Site {
    async fn get<T: for<'de> Deserialize<'de>>(&self, path: &str) -> Result<T, String> {
        let url = format!("{}{path}", self.base);
        let response = self
            .client
            .get(&url)
            .send()
            .await
            .map_err(|e| format!("{url}: {e}"))?;
        if !response.status().is_success() {
            return Err(format!("{url}: {}", response.status()));
        }
        response.json().await.map_err(|e| format!("{url}: {e}"))
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let Some(base) = std::env::args().nth(1).filter(|a| a.starts_with("http")) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let site = Site {
        client: reqwest::Client::new(),
        base: base.trim_end_matches('/').to_owned(),
    };
    match verify(&site).await {
        Ok(problems) if problems.is_empty() => ExitCode::SUCCESS,
        Ok(problems) => {
            for problem in &problems {
                println!("PROBLEM: {problem}");
            }
            println!("{} problem(s): the log does not add up", problems.len());
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("dauys-verify: {error}");
            ExitCode::from(2)
        }
    }
}

#[allow(clippy::too_many_lines)]
async fn verify(site: &Site) -> Result<Vec<String>, String> {
    let started = Instant::now();
    let mut problems = Vec::new();
    let key: Key = site.get("/api/v1/log/key").await?;
    println!("log {} (key {})", key.origin, key.verifier_key);
    // Every checkpoint, each signed with the key.
    let mut checkpoints: Vec<(u64, Hash)> = Vec::new();
    let mut after = 0;
    loop {
        let page: Checkpoints = site
            .get(&format!("/api/v1/log/checkpoints?start={after}"))
            .await?;
        let Some(last) = page.items.last() else { break };
        after = last.size;
        for c in page.items {
            let Some(checkpoint) = opened(&key.verifier_key, &key.origin, &c.note) else {
                problems.push(format!(
                    "checkpoint of size {}: not signed with the log's key",
                    c.size
                ));
                continue;
            };
            let root = base64::engine::general_purpose::STANDARD
                .decode(&c.root)
                .ok()
                .and_then(|r| <[u8; 32]>::try_from(r).ok());
            if checkpoint.size() != c.size || root != Some(checkpoint.hash().0) {
                problems.push(format!(
                    "checkpoint of size {}: its note says otherwise",
                    c.size
                ));
            }
            checkpoints.push((checkpoint.size(), *checkpoint.hash()));
        }
    }
    let Some(&(size, _)) = checkpoints.last() else {
        println!("the log is empty; nothing to check");
        return Ok(problems);
    };
    println!(
        "{} checkpoints, the latest of {size} entries",
        checkpoints.len()
    );
    // The entries: rebuild the tree, check each rule, count per petition.
    let mut tree = Memory(Vec::with_capacity(usize::try_from(size * 2).unwrap_or(0)));
    let mut next_checkpoint = checkpoints.iter().peekable();
    let mut counts: BTreeMap<i32, Count> = BTreeMap::new();
    // Sign entries: petition, grade slot, cancelled.
    let mut signs: BTreeMap<u64, (i32, usize, bool)> = BTreeMap::new();
    let mut index = 0u64;
    while index < size {
        let page: Entries = site
            .get(&format!("/api/v1/log/entries?start={index}&end={size}"))
            .await?;
        if page.items.is_empty() {
            return Err(format!("the site returned no entries from {index}"));
        }
        for item in page.items {
            if item.index != index {
                problems.push(format!(
                    "entry {index}: missing from the log (the site goes on at {}): the log was changed",
                    item.index
                ));
                return Ok(problems);
            }
            let hashes = tlog_tiles::stored_hashes(index, item.data.as_bytes(), &tree)
                .map_err(|e| format!("entry {index}: {e}"))?;
            tree.0.extend(hashes);
            match LogEntry::parse(&item.data) {
                None => problems.push(format!("entry {index}: not a canonical entry: {:?}", item.data)),
                Some(LogEntry::Sign { petition, grade, .. }) => match grade_slot(&grade) {
                    Some(slot) => {
                        signs.insert(index, (petition, slot, false));
                        counts.entry(petition).or_default().grades[slot] += 1;
                    }
                    None => problems.push(format!("entry {index}: unknown grade {grade}")),
                },
                Some(LogEntry::Revoke {
                    petition,
                    sign_index,
                    ..
                }) => match signs.get_mut(&sign_index) {
                    Some((of, slot, cancelled)) if *of == petition && !*cancelled => {
                        *cancelled = true;
                        counts.entry(petition).or_default().grades[*slot] -= 1;
                    }
                    _ => problems.push(format!(
                        "entry {index}: petition {petition}: revokes entry {sign_index}, which is not an uncancelled signature of that petition"
                    )),
                },
                Some(LogEntry::Tally {
                    petition,
                    count,
                    size: at,
                    ..
                }) => {
                    let log = counts.entry(petition).or_default();
                    if at != index {
                        problems.push(format!("entry {index}: petition {petition}: a tally that claims to be at {at}"));
                    } else if log.total() != count {
                        problems.push(format!(
                            "entry {index}: petition {petition}: the site stated {count} signatures, the log holds {}",
                            log.total()
                        ));
                    }
                    log.tally = Some(count);
                }
            }
            index += 1;
            while let Some((at, root)) = next_checkpoint.next_if(|(at, _)| *at == index) {
                let computed = tlog_tiles::tree_hash(*at, &tree).map_err(|e| e.to_string())?;
                if computed != *root {
                    problems.push(format!(
                        "checkpoint of size {at}: its root is not the root of the log's first {at} entries (the log was changed)"
                    ));
                }
            }
        }
        if index % 100_000 < 1_000 {
            println!("… {index} entries");
        }
    }
    println!(
        "{size} entries read and rehashed, {} petitions, in {:.1} s",
        counts.len(),
        started.elapsed().as_secs_f64()
    );
    // What the site says now.
    for (petition, log) in &counts {
        if log.tally != Some(log.total()) {
            problems.push(format!(
                "petition {petition}: the log holds {} signatures, its latest tally says {:?}",
                log.total(),
                log.tally
            ));
        }
        let said: Petition = match site.get(&format!("/api/v1/petitions/{petition}")).await {
            Ok(said) => said,
            Err(error) => {
                problems.push(format!(
                    "petition {petition}: cannot read it from the site: {error}"
                ));
                continue;
            }
        };
        let at_least = |from: usize| log.grades[from..].iter().sum::<i64>();
        let shown = [
            said.signatures.email_verified,
            said.signatures.iin_checked,
            said.signatures.digital_signature,
        ];
        for (slot, name) in ["email_verified", "iin_checked", "digital_signature"]
            .iter()
            .enumerate()
        {
            if shown[slot] != at_least(slot) {
                problems.push(format!(
                    "petition {petition}: the site shows {} signatures at {name} or better, the log holds {}",
                    shown[slot],
                    at_least(slot)
                ));
            }
        }
    }
    println!(
        "checked {} petitions against the site in {:.1} s in all",
        counts.len(),
        started.elapsed().as_secs_f64()
    );
    if problems.is_empty() {
        println!("OK: every checkpoint is signed and consistent, every count adds up");
    }
    Ok(problems)
}
