//! Search across scripts and spellings, on each database's own full-text machinery.
//!
//! Text and queries are both *folded* to one Latin skeleton before they meet: Kazakh in Cyrillic
//! (Қазақстан) or Latin script (Qazaqstan), Russian (Казахстан) and English (Kazakhstan) all
//! become `kazakstan`. The folding forgets what people write differently — ө/о, ү/ұ/у, қ/к/q,
//! ғ/г, ң/н, һ/х/h, і/и/ы/y, ж/zh/j, ш/sh, ч/ch, ц/ts, diacritics, doubled letters — so it finds more
//! than it should rather than less. The folded text lives in a table per kind ([`Indexed`]:
//! `petition_search`, `inquiry_search`, `proposal_search`); SQLite matches it with FTS5
//! (`petition_fts` and so on, kept by triggers), PostgreSQL with `to_tsvector('simple', …)`
//! under a GIN index. Every query term matches as a word prefix; all terms must match.

use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect, Statement};
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

use crate::server::db::placeholder;
use crate::server::entities::{inquiry, petition, proposal};
use crate::server::services::ServiceError;

/// At most this many terms of a query are used (the rest are ignored).
const MAX_TERMS: usize = 8;
/// A term is cut to this many folded letters.
const MAX_TERM_LEN: usize = 32;

/// One lower-case letter (after compatibility decomposition and without marks) in the skeleton
/// alphabet, or `None` for a separator.
fn skeleton(c: char) -> Option<&'static str> {
    Some(match c {
        'a' | 'а' | 'ә' => "a",
        'b' | 'б' => "b",
        'v' | 'в' => "v",
        'g' | 'г' | 'ғ' => "g",
        'd' | 'д' => "d",
        'e' | 'е' | 'э' | 'є' => "e",
        'j' | 'ж' => "j",
        'z' | 'з' => "z",
        'i' | 'y' | 'ı' | 'и' | 'і' | 'ы' | 'ї' => "i",
        'k' | 'q' | 'h' | 'x' | 'к' | 'қ' | 'х' | 'һ' => "k",
        'l' | 'л' => "l",
        'm' | 'м' => "m",
        'n' | 'н' | 'ң' => "n",
        'o' | 'о' | 'ө' => "o",
        'p' | 'п' => "p",
        'r' | 'р' => "r",
        's' | 'с' | 'ш' | 'щ' => "s",
        't' | 'т' => "t",
        'u' | 'w' | 'у' | 'ү' | 'ұ' | 'ў' => "u",
        'f' | 'ф' => "f",
        'c' | 'ч' => "c",
        'ц' => "ts",
        'ю' => "iu",
        'я' => "ia",
        'ъ' | 'ь' => "",
        '0'..='9' => return Some(DIGITS[c as usize - '0' as usize]),
        _ => return None,
    })
}

const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Latin digraphs that spell one Cyrillic letter, and the skeleton letter they fold to.
fn digraph(first: char, second: char) -> Option<&'static str> {
    match (first, second) {
        ('s', 'h') => Some("s"),
        ('c', 'h') => Some("c"),
        ('z', 'h') => Some("j"),
        ('k', 'h') => Some("k"),
        ('g', 'h') => Some("g"),
        _ => None,
    }
}

/// `text` folded to the skeleton: lower-case Latin letters and digits in words separated by
/// single spaces, each doubled letter written once.
pub fn fold(text: &str) -> String {
    let chars: Vec<char> = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let piece = match chars.get(i + 1).and_then(|n| digraph(c, *n)) {
            Some(p) => {
                i += 1;
                Some(p)
            }
            None => skeleton(c),
        };
        i += 1;
        match piece {
            Some(p) => {
                for letter in p.chars() {
                    if !out.ends_with(letter) || letter.is_ascii_digit() {
                        out.push(letter);
                    }
                }
            }
            None => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
    }
    out.trim_end().to_owned()
}

/// A query's terms: its folded words, each once, at most [`MAX_TERMS`] of them.
pub fn terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in fold(query).split(' ').filter(|w| !w.is_empty()) {
        let word: String = word.chars().take(MAX_TERM_LEN).collect();
        if !out.contains(&word) {
            out.push(word);
        }
        if out.len() == MAX_TERMS {
            break;
        }
    }
    out
}

/// Words too common to tell petitions apart (as typed; compared folded): "similar petitions"
/// match any word, and one of these would make every petition similar.
const COMMON_WORDS: [&str; 50] = [
    "the",
    "and",
    "for",
    "with",
    "from",
    "that",
    "this",
    "are",
    "was",
    "not",
    "you",
    "our",
    "all",
    "into",
    "about",
    "please",
    "petition",
    "для",
    "что",
    "как",
    "это",
    "при",
    "или",
    "его",
    "все",
    "без",
    "под",
    "над",
    "так",
    "уже",
    "нас",
    "наш",
    "просим",
    "петиция",
    "чтобы",
    "также",
    "және",
    "үшін",
    "бұл",
    "мен",
    "пен",
    "бен",
    "деп",
    "осы",
    "біз",
    "біздің",
    "сұраймыз",
    "туралы",
    "қатысты",
    "also",
];

/// A text's distinctive words: its folded terms of three letters or more that are not
/// [`COMMON_WORDS`].
pub fn distinctive_terms(text: &str) -> Vec<String> {
    let common: Vec<String> = COMMON_WORDS.iter().map(|w| fold(w)).collect();
    terms(text)
        .into_iter()
        .filter(|t| t.chars().count() >= 3 && !common.contains(t))
        .collect()
}

/// The SQL join of `p` (petitions) to the petitions matching `terms` (all of them, or unless
/// `all` any), as `m` with `m.score` (ascending is best first on SQLite, descending on
/// PostgreSQL: see [`score_order`]), and its one bound value. The match runs once per query.
pub fn petition_join(
    backend: DbBackend,
    terms: &[String],
    n: usize,
    all: bool,
) -> (String, String) {
    let p = placeholder(backend, n);
    let query = engine_query(backend, terms, all);
    if backend == DbBackend::Postgres {
        (
            format!(
                " JOIN (SELECT s.petition_id AS id, ts_rank(to_tsvector('simple', s.folded), q.q) AS score \
                 FROM petition_search s, to_tsquery('simple', {p}) AS q(q) \
                 WHERE to_tsvector('simple', s.folded) @@ q.q) m ON m.id = p.id"
            ),
            query,
        )
    } else {
        (
            format!(
                " JOIN (SELECT rowid AS id, rank AS score FROM petition_fts WHERE petition_fts MATCH {p}) m ON m.id = p.id"
            ),
            query,
        )
    }
}

/// "Best match first" over [`petition_join`]'s `m.score`.
pub fn score_order(backend: DbBackend) -> &'static str {
    if backend == DbBackend::Postgres {
        "m.score DESC"
    } else {
        "m.score ASC"
    }
}

/// `terms` as a query in the engine's own syntax: every term a word prefix, all of them (or
/// unless `all` any). Terms are folded words (`[a-z0-9]+`), so no query syntax reaches the
/// database from a user.
fn engine_query(backend: DbBackend, terms: &[String], all: bool) -> String {
    if backend == DbBackend::Postgres {
        let joint = if all { " & " } else { " | " };
        terms
            .iter()
            .map(|t| format!("{t}:*"))
            .collect::<Vec<_>>()
            .join(joint)
    } else {
        let joint = if all { " " } else { " OR " };
        terms
            .iter()
            .map(|t| format!("\"{t}\"*"))
            .collect::<Vec<_>>()
            .join(joint)
    }
}

/// What the engines' index holds, each kind in a table of its own (`{kind}_search`, and on
/// SQLite its FTS5 table `{kind}_fts`), keyed by the id of the kind's row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indexed {
    /// Petitions: title, summary and, unless moderation hid it, text.
    Petition,
    /// Deputies' inquiries: title and text.
    Inquiry,
    /// Proposals to public councils: title and text.
    Proposal,
}

impl Indexed {
    /// Every kind.
    pub const ALL: [Self; 3] = [Self::Petition, Self::Inquiry, Self::Proposal];

    fn kind(self) -> &'static str {
        match self {
            Self::Petition => "petition",
            Self::Inquiry => "inquiry",
            Self::Proposal => "proposal",
        }
    }

    /// The table of the kind's rows.
    fn rows(self) -> &'static str {
        match self {
            Self::Petition => "petitions",
            Self::Inquiry => "inquiries",
            Self::Proposal => "proposals",
        }
    }
}

/// The condition "this row of `kind` matches all of `terms`", for a query over the kind's own
/// table (`petitions`, `inquiries`, `proposals`). No terms match nothing.
pub fn matching(backend: DbBackend, kind: Indexed, terms: &[String]) -> SimpleExpr {
    if terms.is_empty() {
        return Expr::cust("1 = 0");
    }
    let (k, rows) = (kind.kind(), kind.rows());
    let query = engine_query(backend, terms, true);
    if backend == DbBackend::Postgres {
        Expr::cust_with_values(
            format!(
                "{rows}.id IN (SELECT {k}_id FROM {k}_search \
                 WHERE to_tsvector('simple', folded) @@ to_tsquery('simple', $1))"
            ),
            [query],
        )
    } else {
        Expr::cust_with_values(
            format!("{rows}.id IN (SELECT rowid FROM {k}_fts WHERE {k}_fts MATCH ?)"),
            [query],
        )
    }
}

/// The folded text a petition is found by: its title, summary and, unless moderation hid it,
/// its text.
fn searchable(p: &petition::Model) -> String {
    let text = if p.hidden { "" } else { p.text.as_str() };
    fold(&format!("{} \n {} \n {}", p.title, p.summary, text))
}

/// The folded text an inquiry or a proposal is found by: its title and text.
fn titled(title: &str, text: &str) -> String {
    fold(&format!("{title} \n {text}"))
}

/// Writes the search row of `kind`'s row `id` with its folded text.
async fn write(
    db: &impl ConnectionTrait,
    kind: Indexed,
    id: i32,
    folded: String,
) -> Result<(), ServiceError> {
    let backend = db.get_database_backend();
    let (p1, p2) = (placeholder(backend, 1), placeholder(backend, 2));
    let k = kind.kind();
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "INSERT INTO {k}_search ({k}_id, folded) VALUES ({p1}, {p2}) \
             ON CONFLICT ({k}_id) DO UPDATE SET folded = excluded.folded"
        ),
        [id.into(), folded.into()],
    ))
    .await?;
    Ok(())
}

/// Writes a petition's search row (after filing, editing or hiding it).
///
/// # Errors
/// A database failure.
pub async fn index_petition(
    db: &impl ConnectionTrait,
    p: &petition::Model,
) -> Result<(), ServiceError> {
    write(db, Indexed::Petition, p.id, searchable(p)).await
}

/// Writes an inquiry's search row (after saving or sending it).
///
/// # Errors
/// A database failure.
pub async fn index_inquiry(
    db: &impl ConnectionTrait,
    i: &inquiry::Model,
) -> Result<(), ServiceError> {
    write(db, Indexed::Inquiry, i.id, titled(&i.title, &i.text)).await
}

/// Writes a proposal's search row (after it is made).
///
/// # Errors
/// A database failure.
pub async fn index_proposal(
    db: &impl ConnectionTrait,
    p: &proposal::Model,
) -> Result<(), ServiceError> {
    write(db, Indexed::Proposal, p.id, titled(&p.title, &p.text)).await
}

/// Rewrites the search row of petition `id` from what is stored now.
///
/// # Errors
/// A database failure.
pub async fn reindex_petition(db: &impl ConnectionTrait, id: i32) -> Result<(), ServiceError> {
    if let Some(p) = petition::Entity::find_by_id(id).one(db).await? {
        index_petition(db, &p).await?;
    }
    Ok(())
}

/// Rewrites the search row of inquiry `id` from what is stored now.
///
/// # Errors
/// A database failure.
pub async fn reindex_inquiry(db: &impl ConnectionTrait, id: i32) -> Result<(), ServiceError> {
    if let Some(i) = inquiry::Entity::find_by_id(id).one(db).await? {
        index_inquiry(db, &i).await?;
    }
    Ok(())
}

/// Indexes the petitions, inquiries and proposals that have no search row yet (after the
/// migration that added their search, or a row lost by hand); how many it indexed.
///
/// # Errors
/// A database failure.
pub async fn index_missing(db: &impl ConnectionTrait) -> Result<usize, ServiceError> {
    Ok(
        missing_of::<petition::Entity>(db, Indexed::Petition, |p| (p.id, searchable(p))).await?
            + missing_of::<inquiry::Entity>(db, Indexed::Inquiry, |i| {
                (i.id, titled(&i.title, &i.text))
            })
            .await?
            + missing_of::<proposal::Entity>(db, Indexed::Proposal, |p| {
                (p.id, titled(&p.title, &p.text))
            })
            .await?,
    )
}

/// Indexes the rows of `kind` (entity `E`) without a search row, 500 at a time, with the id and
/// folded text `text` gives each.
async fn missing_of<E: EntityTrait>(
    db: &impl ConnectionTrait,
    kind: Indexed,
    text: fn(&E::Model) -> (i32, String),
) -> Result<usize, ServiceError> {
    let k = kind.kind();
    let mut done = 0;
    loop {
        let rows = E::find()
            .filter(Expr::cust(format!(
                "id NOT IN (SELECT {k}_id FROM {k}_search)"
            )))
            .limit(500)
            .all(db)
            .await?;
        if rows.is_empty() {
            return Ok(done);
        }
        for row in &rows {
            let (id, folded) = text(row);
            write(db, kind, id, folded).await?;
        }
        done += rows.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_in_either_script_russian_and_english_meet() {
        for spelling in [
            "Қазақстан",
            "Qazaqstan",
            "Казахстан",
            "Kazakhstan",
            "KAZAKSTAN",
            "Qazaqstan!",
        ] {
            assert_eq!(fold(spelling), "kazakstan", "{spelling}");
        }
        for spelling in ["Шымкент", "Shymkent", "Şymkent", "Chimkent"] {
            let folded = fold(spelling);
            assert!(
                folded == "simkent" || spelling == "Chimkent",
                "{spelling} → {folded}"
            );
        }
        assert_eq!(fold("Жетісу"), fold("Zhetysu"));
        assert_eq!(fold("Жетісу"), fold("Jetisu"));
        assert_eq!(fold("Өскемен"), fold("Oskemen"));
        assert_eq!(fold("Өскемен"), fold("Öskemen"));
        assert_eq!(fold("Ақкөл"), fold("Akkol"));
        assert_eq!(fold("жол"), fold("jol"));
        assert_eq!(fold("Ғылым"), fold("Gylym"));
        assert_eq!(fold("Үкімет"), fold("Ukimet"));
        assert_eq!(fold("Ұлытау"), fold("Ulytau"));
        assert_eq!(fold("Көше"), fold("Koshe"));
        assert_eq!(fold("Һ"), fold("Х"));
        assert_eq!(fold("ёлка"), fold("елка"));
        assert_eq!(fold("Алматы"), fold("Almaty"));
        assert_eq!(fold("Центр"), fold("Tsentr"));
        // A word's folding starts with its prefix's, so a prefix query finds longer words.
        assert!(fold("streets").starts_with(&fold("street")));
        assert!(fold("жолдары").starts_with(&fold("жол")));
    }

    #[test]
    fn anything_else_is_a_separator() {
        assert_eq!(fold("  жол,\u{202e}жөндеу!!  2026 "), "jol jondeu 2026");
        assert_eq!(
            fold("\"OR 1=1; DROP TABLE petitions --"),
            "or 1 1 drop table petitions"
        );
        assert_eq!(fold("🚧 road*"), "road");
        assert_eq!(fold("日本"), "");
    }

    #[test]
    fn a_query_is_its_distinct_folded_words_and_no_more_than_eight() {
        assert_eq!(terms("Жол жол road"), vec!["jol", "road"]);
        assert_eq!(terms("a b c d e f g h i j k").len(), 8);
        assert!(terms("!!! ***").is_empty());
        assert_eq!(terms(&"я".repeat(100))[0].len(), MAX_TERM_LEN);
    }
}
