//! Reference data every installation starts with: the regions (from `app/data/kz_regions.csv`),
//! the Government, ministries, each region's akimat and maslikhat, public councils, and the
//! admin-editable settings at the defaults of the domain guide. Seeding is idempotent: a row
//! that exists (by its natural key) is left as the admin last edited it; a missing one is added.

mod councils;
pub mod demo;
mod demo_texts;
mod deputies;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Weekday};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionSession, TransactionTrait, sea_query::Expr,
};

use super::entities::{
    body, calendar_day, deadline_term, platform_setting, population, rejection_reason, territory,
    threshold, topic,
};
use crate::model::{BodyKind, BodyLevel};

const REGIONS_CSV: &str = include_str!("../../data/kz_regions.csv");

/// The territory of national bodies.
pub const COUNTRY_CODE: &str = "KZ";

/// What a seeding run added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    /// Territories added.
    pub territories: usize,
    /// Bodies added.
    pub bodies: usize,
    /// Settings rows added (populations, thresholds, terms, calendar days, platform settings).
    pub settings: usize,
}

impl SeedReport {
    /// Whether anything was added.
    pub fn added_anything(&self) -> bool {
        self.territories + self.bodies + self.settings > 0
    }
}

/// One row of the regions file.
struct RegionRow<'a> {
    kato: &'a str,
    kind: &'a str,
    name_en: &'a str,
    name_kk: &'a str,
    name_ru: &'a str,
    centre_en: Option<&'a str>,
    centre_kk: Option<&'a str>,
    centre_ru: Option<&'a str>,
    code_checked: bool,
}

fn region_rows() -> Result<Vec<RegionRow<'static>>, sea_orm::DbErr> {
    REGIONS_CSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            let [
                kato,
                kind,
                name_en,
                name_kk,
                name_ru,
                centre_en,
                centre_kk,
                centre_ru,
                code_checked,
            ] = f[..]
            else {
                return Err(sea_orm::DbErr::Custom(format!("bad regions row: {line}")));
            };
            Ok(RegionRow {
                kato,
                kind,
                name_en,
                name_kk,
                name_ru,
                centre_en: (!centre_en.is_empty()).then_some(centre_en),
                centre_kk: (!centre_kk.is_empty()).then_some(centre_kk),
                centre_ru: (!centre_ru.is_empty()).then_some(centre_ru),
                code_checked: code_checked == "yes",
            })
        })
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// When a region came into being in its present form, where it is recent.
fn region_valid_from(kato: &str) -> Option<NaiveDate> {
    match kato {
        // Abai, Jetisu and Ulytau regions were created on 8 June 2022.
        "10" | "33" | "62" => date(2022, 6, 8),
        // Shymkent became a city of republican significance, and South Kazakhstan Region became
        // Turkistan Region, on 19 June 2018.
        "61" | "79" => date(2018, 6, 19),
        _ => None,
    }
}

/// Approximate residents at the start of 2024, to be checked and edited by the admin.
fn approximate_population(kato: &str) -> Option<i64> {
    Some(match kato {
        COUNTRY_CODE => 20_030_000,
        "10" => 603_000,
        "11" => 782_000,
        "15" => 930_000,
        "19" => 1_510_000,
        "23" => 700_000,
        "27" => 690_000,
        "31" => 1_220_000,
        "33" => 700_000,
        "35" => 1_130_000,
        "39" => 830_000,
        "43" => 840_000,
        "47" => 780_000,
        "55" => 750_000,
        "59" => 530_000,
        "61" => 2_150_000,
        "62" => 220_000,
        "63" => 720_000,
        "71" => 1_430_000,
        "75" => 2_230_000,
        "79" => 1_230_000,
        _ => return None,
    })
}

/// The Russian genitive of a region's name ("Акмолинская область" → "Акмолинской области").
fn ru_genitive(name: &str) -> String {
    match name {
        "город Астана" => "города Астаны".into(),
        "город Алматы" => "города Алматы".into(),
        "город Шымкент" => "города Шымкента".into(),
        _ => {
            if let Some(rest) = name.strip_prefix("область ") {
                format!("области {rest}")
            } else if let Some(stem) = name.strip_suffix("ая область") {
                format!("{stem}ой области")
            } else {
                name.to_owned()
            }
        }
    }
}

/// Names of a region's akimat, maslikhat and public council in (kk, ru, en).
fn region_body_names(r: &RegionRow<'_>) -> [(String, String, String); 3] {
    let kk_gen = format!("{}ның", r.name_kk);
    let kk_adj = r
        .name_kk
        .replace("облысы", "облыстық")
        .replace("қаласы", "қалалық");
    let ru_gen = ru_genitive(r.name_ru);
    [
        (
            format!("{kk_gen} әкімдігі"),
            format!("Акимат {ru_gen}"),
            format!("Akimat of {}", r.name_en),
        ),
        (
            format!("{kk_adj} мәслихаты"),
            format!("Маслихат {ru_gen}"),
            format!("Maslikhat of {}", r.name_en),
        ),
        (
            format!("{kk_gen} қоғамдық кеңесі"),
            format!("Общественный совет {ru_gen}"),
            format!("Public Council of {}", r.name_en),
        ),
    ]
}

/// Ministries seeded at start: (slug, kk, ru, en).
const MINISTRIES: &[(&str, &str, &str, &str)] = &[
    (
        "health",
        "Денсаулық сақтау министрлігі",
        "Министерство здравоохранения",
        "Ministry of Health",
    ),
    (
        "education",
        "Оқу-ағарту министрлігі",
        "Министерство просвещения",
        "Ministry of Education",
    ),
    (
        "science",
        "Ғылым және жоғары білім министрлігі",
        "Министерство науки и высшего образования",
        "Ministry of Science and Higher Education",
    ),
    (
        "internal-affairs",
        "Ішкі істер министрлігі",
        "Министерство внутренних дел",
        "Ministry of Internal Affairs",
    ),
    (
        "ecology",
        "Экология және табиғи ресурстар министрлігі",
        "Министерство экологии и природных ресурсов",
        "Ministry of Ecology and Natural Resources",
    ),
    (
        "water",
        "Су ресурстары және ирригация министрлігі",
        "Министерство водных ресурсов и ирригации",
        "Ministry of Water Resources and Irrigation",
    ),
    (
        "transport",
        "Көлік министрлігі",
        "Министерство транспорта",
        "Ministry of Transport",
    ),
    (
        "labour",
        "Еңбек және халықты әлеуметтік қорғау министрлігі",
        "Министерство труда и социальной защиты населения",
        "Ministry of Labour and Social Protection of the Population",
    ),
    (
        "agriculture",
        "Ауыл шаруашылығы министрлігі",
        "Министерство сельского хозяйства",
        "Ministry of Agriculture",
    ),
    (
        "energy",
        "Энергетика министрлігі",
        "Министерство энергетики",
        "Ministry of Energy",
    ),
    (
        "industry",
        "Өнеркәсіп және құрылыс министрлігі",
        "Министерство промышленности и строительства",
        "Ministry of Industry and Construction",
    ),
    (
        "culture",
        "Мәдениет және ақпарат министрлігі",
        "Министерство культуры и информации",
        "Ministry of Culture and Information",
    ),
    (
        "digital",
        "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі",
        "Министерство цифрового развития, инноваций и аэрокосмической промышленности",
        "Ministry of Digital Development, Innovations and Aerospace Industry",
    ),
    (
        "emergencies",
        "Төтенше жағдайлар министрлігі",
        "Министерство по чрезвычайным ситуациям",
        "Ministry of Emergency Situations",
    ),
    (
        "finance",
        "Қаржы министрлігі",
        "Министерство финансов",
        "Ministry of Finance",
    ),
    (
        "national-economy",
        "Ұлттық экономика министрлігі",
        "Министерство национальной экономики",
        "Ministry of National Economy",
    ),
    (
        "justice",
        "Әділет министрлігі",
        "Министерство юстиции",
        "Ministry of Justice",
    ),
    (
        "tourism-sports",
        "Туризм және спорт министрлігі",
        "Министерство туризма и спорта",
        "Ministry of Tourism and Sports",
    ),
];

/// A body to seed, before its parent and territory are resolved to ids.
struct BodySeed {
    slug: String,
    kind: BodyKind,
    level: BodyLevel,
    parent: Option<String>,
    territory: String,
    names: (String, String, String),
}

fn body_seeds(regions: &[RegionRow<'_>]) -> Vec<BodySeed> {
    let mut seeds = vec![BodySeed {
        slug: "government".into(),
        kind: BodyKind::Government,
        level: BodyLevel::National,
        parent: None,
        territory: COUNTRY_CODE.into(),
        names: (
            "Қазақстан Республикасының Үкіметі".into(),
            "Правительство Республики Казахстан".into(),
            "Government of the Republic of Kazakhstan".into(),
        ),
    }];
    for (slug, kk, ru, en) in MINISTRIES {
        let ministry = format!("ministry-{slug}");
        seeds.push(BodySeed {
            slug: ministry.clone(),
            kind: BodyKind::Ministry,
            level: BodyLevel::National,
            parent: Some("government".into()),
            territory: COUNTRY_CODE.into(),
            names: ((*kk).into(), (*ru).into(), (*en).into()),
        });
        seeds.push(BodySeed {
            slug: format!("council-{ministry}"),
            kind: BodyKind::PublicCouncil,
            level: BodyLevel::National,
            parent: Some(ministry),
            territory: COUNTRY_CODE.into(),
            names: (
                format!("{kk} жанындағы қоғамдық кеңес"),
                format!(
                    "Общественный совет при {}",
                    ru.replacen("Министерство", "Министерстве", 1)
                ),
                format!("Public Council of the {en}"),
            ),
        });
    }
    for region in regions {
        let [akimat, maslikhat, council] = region_body_names(region);
        let akimat_slug = format!("akimat-{}", region.kato);
        seeds.push(BodySeed {
            slug: akimat_slug.clone(),
            kind: BodyKind::Akimat,
            level: BodyLevel::Regional,
            parent: Some("government".into()),
            territory: region.kato.into(),
            names: akimat,
        });
        seeds.push(BodySeed {
            slug: format!("maslikhat-{}", region.kato),
            kind: BodyKind::Maslikhat,
            level: BodyLevel::Regional,
            parent: None,
            territory: region.kato.into(),
            names: maslikhat,
        });
        seeds.push(BodySeed {
            slug: format!("council-{akimat_slug}"),
            kind: BodyKind::PublicCouncil,
            level: BodyLevel::Regional,
            parent: Some(akimat_slug),
            territory: region.kato.into(),
            names: council,
        });
    }
    seeds
}

/// A holiday: (month, day, key, kk, ru, en, moves to the next working day when on a weekend).
type Holiday = (u32, u32, &'static str, &'static str, &'static str, bool);

/// Public holidays with fixed dates (Law «On Holidays in the Republic of Kazakhstan»).
/// Religious holidays are not moved when they fall on a weekend.
const FIXED_HOLIDAYS: &[Holiday] = &[
    (1, 1, "Жаңа жыл", "Новый год", "New Year", true),
    (1, 2, "Жаңа жыл", "Новый год", "New Year", true),
    (
        1,
        7,
        "Православиелік Рождество",
        "Православное Рождество",
        "Orthodox Christmas",
        false,
    ),
    (
        3,
        8,
        "Халықаралық әйелдер күні",
        "Международный женский день",
        "International Women's Day",
        true,
    ),
    (3, 21, "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz", true),
    (3, 22, "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz", true),
    (3, 23, "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz", true),
    (
        5,
        1,
        "Қазақстан халқының бірлігі мерекесі",
        "Праздник единства народа Казахстана",
        "Day of Unity of the People of Kazakhstan",
        true,
    ),
    (
        5,
        7,
        "Отан қорғаушы күні",
        "День защитника Отечества",
        "Defender of the Fatherland Day",
        true,
    ),
    (5, 9, "Жеңіс күні", "День Победы", "Victory Day", true),
    (7, 6, "Астана күні", "День Столицы", "Capital Day", true),
    (
        8,
        30,
        "Конституция күні",
        "День Конституции",
        "Constitution Day",
        true,
    ),
    (
        10,
        25,
        "Республика күні",
        "День Республики",
        "Republic Day",
        true,
    ),
    (
        12,
        16,
        "Тәуелсіздік күні",
        "День Независимости",
        "Independence Day",
        true,
    ),
];

/// The first day of Kurban Ait (a day off, set each year by the lunar calendar).
const KURBAN_AIT: &[(i32, u32, u32)] = &[(2025, 6, 6), (2026, 5, 27), (2027, 5, 16)];

/// Years the holiday calendar is seeded for.
const CALENDAR_YEARS: std::ops::RangeInclusive<i32> = 2025..=2027;

/// A calendar row: (day, kind, kk, ru, en).
type CalendarRow = (NaiveDate, &'static str, String, String, String);

/// Holidays for the seeded years, with a transferred day off on the next working day for each
/// secular holiday that falls on a Saturday or Sunday (Labour Code, art. 85).
fn calendar_rows() -> Vec<CalendarRow> {
    let mut holidays: Vec<(NaiveDate, &str, &str, &str, bool)> = Vec::new();
    for year in CALENDAR_YEARS {
        for (m, d, kk, ru, en, moves) in FIXED_HOLIDAYS {
            if let Some(day) = date(year, *m, *d) {
                holidays.push((day, kk, ru, en, *moves));
            }
        }
        for (y, m, d) in KURBAN_AIT.iter().filter(|(y, ..)| *y == year) {
            if let Some(day) = date(*y, *m, *d) {
                holidays.push((day, "Құрбан айт", "Курбан айт", "Kurban Ait", false));
            }
        }
    }
    holidays.sort_by_key(|h| h.0);
    let is_weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
    let mut rows: Vec<CalendarRow> = holidays
        .iter()
        .map(|(day, kk, ru, en, _)| (*day, "holiday", (*kk).into(), (*ru).into(), (*en).into()))
        .collect();
    for (day, kk, ru, en, moves) in &holidays {
        if !moves || !is_weekend(*day) {
            continue;
        }
        let mut candidate = day.succ_opt();
        while let Some(c) = candidate {
            let taken = is_weekend(c) || rows.iter().any(|r| r.0 == c);
            if !taken {
                rows.push((
                    c,
                    "transferred_day_off",
                    format!("Ауыстырылған демалыс күні ({kk})"),
                    format!("Перенесённый выходной ({ru})"),
                    format!("Transferred day off ({en})"),
                ));
                break;
            }
            candidate = c.succ_opt();
        }
    }
    rows.sort_by_key(|r| r.0);
    rows
}

/// Threshold defaults: (kind, level, fixed signatures, basis points of the population).
const THRESHOLDS: &[(&str, &str, Option<i32>, Option<i32>)] = &[
    ("government", "national", Some(50_000), None),
    // Not in the domain guide's table; set like the Government until the admin decides.
    ("ministry", "national", Some(50_000), None),
    ("maslikhat", "regional", None, Some(200)),
    ("akimat", "regional", None, Some(100)),
    ("maslikhat", "district", Some(5_000), None),
    ("akimat", "district", Some(2_500), None),
];

/// Deadline defaults: (clock, level, amount, unit).
const DEADLINE_TERMS: &[(&str, &str, i32, &str)] = &[
    ("petition_moderation", "any", 20, "working_days"),
    ("initial_support", "any", 10, "working_days"),
    ("collection_period", "national", 6, "months"),
    ("collection_period", "regional", 6, "months"),
    ("collection_period", "district", 6, "months"),
    ("collection_period", "rural", 6, "months"),
    ("petition_answer", "any", 40, "working_days"),
    ("inquiry_answer", "any", 15, "calendar_days"),
    ("recommendation_answer", "any", 30, "calendar_days"),
    ("proposal_answer", "any", 30, "calendar_days"),
];

/// Single-valued settings: (key, value).
const PLATFORM_SETTINGS: &[(&str, &str)] = &[
    ("initial_support_signatures", "50"),
    ("signer_data_retention_months", "6"),
    ("signing_per_account_hour", "60"),
    ("signing_per_ip_hour", "2000"),
    ("responsiveness_min_cases", "10"),
    // Public councils (domain guide: unverified details, so settings with its defaults).
    ("council_quorum_numerator", "2"),
    ("council_quorum_denominator", "3"),
    ("council_agenda_notice_working_days", "5"),
    ("council_dormant_months", "3"),
    ("council_minimum_voting_members", "7"),
];

/// The rejection reasons catalogue at start: (code, kk, ru, en, hides the text). Codes that
/// start with `prohibited-` form the prohibited-topics list the author confirms at filing.
const REJECTION_REASONS: &[(&str, &str, &str, &str, bool)] = &[
    (
        "prohibited-constitution",
        "Конституциялық құрылыс және әкімшілік-аумақтық құрылым",
        "Конституционный строй и административно-территориальное устройство",
        "Constitutional order and administrative-territorial structure",
        false,
    ),
    (
        "prohibited-borders",
        "Мемлекеттік шекара",
        "Государственная граница",
        "State borders",
        false,
    ),
    (
        "prohibited-language",
        "Тіл саясаты",
        "Языковая политика",
        "Language policy",
        false,
    ),
    (
        "prohibited-elections",
        "Сайлау және референдум",
        "Выборы и референдумы",
        "Elections and referendums",
        false,
    ),
    (
        "prohibited-courts",
        "Соттар мен прокуратура қызметі",
        "Деятельность судов и прокуратуры",
        "Courts and the prosecution service",
        false,
    ),
    (
        "prohibited-special-services",
        "Арнаулы қызметтер",
        "Специальные службы",
        "Special services",
        false,
    ),
    (
        "prohibited-state-secrets",
        "Мемлекеттік құпиялар",
        "Государственные секреты",
        "State secrets",
        true,
    ),
    (
        "prohibited-president-parliament",
        "Президент пен Парламент палаталарының өкілеттіктері",
        "Полномочия Президента и палат Парламента",
        "Powers of the President and of the Chambers of Parliament",
        false,
    ),
    (
        "prohibited-resignations",
        "Әкімдер мен министрлердің отставкасы туралы талаптар",
        "Требования об отставке акимов и министров",
        "Demands for the resignation of akims or ministers",
        false,
    ),
    (
        "prohibited-police-work",
        "Полиция жұмысына араласу",
        "Вмешательство в работу полиции",
        "Interference with police work",
        false,
    ),
    (
        "prohibited-state-functions",
        "Мемлекеттік органдардың функцияларын өзгерту",
        "Изменение функций государственных органов",
        "Changing the functions of state bodies",
        false,
    ),
    (
        "offensive",
        "Балағат, қорлау немесе жеке деректер",
        "Оскорбления, нецензурная лексика или персональные данные",
        "Insults, obscenity or personal data",
        true,
    ),
    (
        "not-a-petition",
        "Өтініш емес (жарнама, спам немесе мағынасыз мәтін)",
        "Не петиция (реклама, спам или бессмысленный текст)",
        "Not a petition (advertising, spam or meaningless text)",
        true,
    ),
    (
        "duplicate",
        "Осындай өтініш бар",
        "Такая петиция уже есть",
        "A petition like this already exists",
        false,
    ),
    (
        "wrong-addressee",
        "Бұл органның құзыретіне жатпайды",
        "Не относится к компетенции этого органа",
        "Not within this body's powers",
        false,
    ),
];

/// Whether the migration `version` has been applied (the seed also runs on databases migrated
/// only part of the way, as the data-migration tests seed the schema as it was).
///
/// # Errors
/// A database failure.
pub async fn applied(db: &impl ConnectionTrait, version: &str) -> Result<bool, sea_orm::DbErr> {
    Ok(db
        .query_one_raw(sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            format!(
                "SELECT version FROM seaql_migrations WHERE version = {}",
                crate::server::db::placeholder(db.get_database_backend(), 1)
            ),
            [version.into()],
        ))
        .await?
        .is_some())
}

/// The reasons a council's secretary declines a citizen's proposal with (the catalogue's
/// `proposal` scope; an admin edits them beside the petitions' reasons).
const PROPOSAL_DECLINE_REASONS: &[(&str, &str, &str, &str, bool)] = &[
    (
        "proposal-outside-remit",
        "Кеңестің құзыретіне жатпайды",
        "Не относится к компетенции совета",
        "Outside the council's remit",
        false,
    ),
    (
        "proposal-already-decided",
        "Кеңес бұл мәселе бойынша шешім қабылдап қойған",
        "Совет уже принял решение по этому вопросу",
        "The council has already decided this question",
        false,
    ),
    (
        "proposal-no-substance",
        "Нақты ұсыныс жоқ",
        "Нет конкретного предложения",
        "No concrete proposal",
        false,
    ),
    (
        "proposal-for-courts",
        "Сот немесе құқық қорғау органдарының шешетін мәселесі",
        "Вопрос, решаемый судом или правоохранительными органами",
        "A matter for a court or law enforcement",
        false,
    ),
    (
        "proposal-personal-complaint",
        "Жеке шағым: өтініш мемлекеттік органның өзіне жіберілуі керек",
        "Личная жалоба: обращение следует направить в сам государственный орган",
        "A personal complaint: it belongs with the government body itself",
        false,
    ),
];

/// Seeds every piece of reference data that is missing, in one transaction.
///
/// # Errors
/// A database failure; nothing is then added.
pub async fn reference_data<C>(db: &C) -> Result<SeedReport, sea_orm::DbErr>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = db.begin().await?;
    let mut report = SeedReport::default();
    let regions = region_rows()?;

    let mut territory_ids: HashMap<String, i32> = HashMap::new();
    let country = RegionRow {
        kato: COUNTRY_CODE,
        kind: "country",
        name_en: "Republic of Kazakhstan",
        name_kk: "Қазақстан Республикасы",
        name_ru: "Республика Казахстан",
        centre_en: Some("Astana"),
        centre_kk: Some("Астана"),
        centre_ru: Some("Астана"),
        code_checked: true,
    };
    for row in std::iter::once(&country).chain(regions.iter()) {
        let existing = territory::Entity::find()
            .filter(territory::Column::Kato.eq(row.kato))
            .one(&txn)
            .await?;
        let id = match existing {
            // A region seeded before its centre had Kazakh and Russian names gets them; a name
            // an administrator changed is kept.
            Some(t) if t.centre_kk.is_none() && row.centre_kk.is_some() => {
                let id = t.id;
                let mut update: territory::ActiveModel = t.into();
                update.centre_kk = Set(row.centre_kk.map(Into::into));
                update.centre_ru = Set(row.centre_ru.map(Into::into));
                update.update(&txn).await?;
                id
            }
            Some(t) => t.id,
            None => {
                report.territories += 1;
                territory::ActiveModel {
                    kato: Set(row.kato.into()),
                    kind: Set(row.kind.into()),
                    parent_id: Set(None),
                    name_kk: Set(row.name_kk.into()),
                    name_ru: Set(row.name_ru.into()),
                    name_en: Set(row.name_en.into()),
                    centre_en: Set(row.centre_en.map(Into::into)),
                    centre_kk: Set(row.centre_kk.map(Into::into)),
                    centre_ru: Set(row.centre_ru.map(Into::into)),
                    code_checked: Set(row.code_checked),
                    valid_from: Set(region_valid_from(row.kato)),
                    valid_to: Set(None),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        territory_ids.insert(row.kato.into(), id);
        if let Some(count) = approximate_population(row.kato) {
            let exists = population::Entity::find()
                .filter(population::Column::TerritoryId.eq(id))
                .filter(population::Column::Year.eq(2024))
                .one(&txn)
                .await?
                .is_some();
            if !exists {
                report.settings += 1;
                population::ActiveModel {
                    territory_id: Set(id),
                    year: Set(2024),
                    population: Set(count),
                    source: Set("approximate, start of 2024; check against the Bureau of National Statistics".into()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
    }

    let mut body_ids: HashMap<String, i32> = HashMap::new();
    for seed in body_seeds(&regions) {
        // Only the id: databases migrated part of the way (the data-migration tests) have
        // fewer columns than the entity.
        let existing = body::Entity::find()
            .select_only()
            .column(body::Column::Id)
            .filter(body::Column::Slug.eq(&seed.slug))
            .into_tuple::<i32>()
            .one(&txn)
            .await?;
        let id = match existing {
            Some(id) => id,
            None => {
                report.bodies += 1;
                let territory_id = *territory_ids.get(&seed.territory).ok_or_else(|| {
                    sea_orm::DbErr::Custom(format!("no territory {}", seed.territory))
                })?;
                body::Entity::insert(body::ActiveModel {
                    slug: Set(seed.slug.clone()),
                    kind: Set(seed.kind.as_str().into()),
                    level: Set(seed.level.as_str().into()),
                    parent_id: Set(seed.parent.as_ref().and_then(|p| body_ids.get(p).copied())),
                    territory_id: Set(territory_id),
                    name_kk: Set(seed.names.0),
                    name_ru: Set(seed.names.1),
                    name_en: Set(seed.names.2),
                    valid_from: Set(None),
                    valid_to: Set(None),
                    ..Default::default()
                })
                .exec(&txn)
                .await?
                .last_insert_id
            }
        };
        body_ids.insert(seed.slug, id);
    }

    // The built-in topics' ministries, on a database whose bodies came after the topics (an
    // admin's later choice, a version above 0, is kept).
    if applied(&txn, "m20261209_000025_topic_catalogue").await? {
        for (code, _, ministry, _) in migrations::BUILT_IN_TOPICS {
            if let Some(id) = body_ids.get(ministry) {
                topic::Entity::update_many()
                    .col_expr(topic::Column::MinistryId, Expr::value(*id))
                    .filter(topic::Column::Code.eq(code))
                    .filter(topic::Column::MinistryId.is_null())
                    .filter(topic::Column::Version.eq(0))
                    .exec(&txn)
                    .await?;
            }
        }
    }

    for (kind, level, signatures, basis_points) in THRESHOLDS {
        // Only the id: databases migrated part of the way (the data-migration tests) have
        // fewer columns than the entity.
        let exists = threshold::Entity::find()
            .select_only()
            .column(threshold::Column::Id)
            .filter(threshold::Column::BodyKind.eq(*kind))
            .filter(threshold::Column::Level.eq(*level))
            .into_tuple::<i32>()
            .one(&txn)
            .await?
            .is_some();
        if !exists {
            report.settings += 1;
            // `exec`, not `insert`: the latter reads the row back into a model, whose columns
            // a database migrated part of the way may not have.
            threshold::Entity::insert(threshold::ActiveModel {
                body_kind: Set((*kind).into()),
                level: Set((*level).into()),
                signatures: Set(*signatures),
                percent_basis_points: Set(*basis_points),
                required_grade: Set("iin_checked".into()),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
        }
    }

    for (clock, level, amount, unit) in DEADLINE_TERMS {
        // Only the id, and an insert that reads nothing back: databases migrated part of the
        // way have fewer columns than the entity.
        let exists = deadline_term::Entity::find()
            .select_only()
            .column(deadline_term::Column::Id)
            .filter(deadline_term::Column::Clock.eq(*clock))
            .filter(deadline_term::Column::Level.eq(*level))
            .into_tuple::<i32>()
            .one(&txn)
            .await?
            .is_some();
        if !exists {
            report.settings += 1;
            deadline_term::Entity::insert(deadline_term::ActiveModel {
                clock: Set((*clock).into()),
                level: Set((*level).into()),
                amount: Set(*amount),
                unit: Set((*unit).into()),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
        }
    }

    for (day, kind, kk, ru, en) in calendar_rows() {
        let exists = calendar_day::Entity::find()
            .filter(calendar_day::Column::Day.eq(day))
            .one(&txn)
            .await?
            .is_some();
        if !exists {
            report.settings += 1;
            calendar_day::ActiveModel {
                day: Set(day),
                kind: Set(kind.into()),
                name_kk: Set(kk),
                name_ru: Set(ru),
                name_en: Set(en),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }

    for (key, value) in PLATFORM_SETTINGS {
        if platform_setting::Entity::find_by_id(*key)
            .select_only()
            .column(platform_setting::Column::Key)
            .into_tuple::<String>()
            .one(&txn)
            .await?
            .is_none()
        {
            report.settings += 1;
            platform_setting::Entity::insert(platform_setting::ActiveModel {
                key: Set((*key).into()),
                value: Set((*value).into()),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
        }
    }

    // Each maslikhat's term for answers to its deputies' inquiries (domain guide: 15 calendar
    // days, unverified), a setting of its own so it can differ.
    for slug in body::Entity::find()
        .select_only()
        .column(body::Column::Slug)
        .filter(body::Column::Kind.eq(BodyKind::Maslikhat.as_str()))
        .into_tuple::<String>()
        .all(&txn)
        .await?
    {
        let key = crate::server::services::inquiries::term_setting(&slug);
        if platform_setting::Entity::find_by_id(key.clone())
            .select_only()
            .column(platform_setting::Column::Key)
            .into_tuple::<String>()
            .one(&txn)
            .await?
            .is_none()
        {
            report.settings += 1;
            platform_setting::Entity::insert(platform_setting::ActiveModel {
                key: Set(key),
                value: Set("15".into()),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
        }
    }

    let catalogue = REJECTION_REASONS
        .iter()
        .map(|r| (r, "petition"))
        .chain(PROPOSAL_DECLINE_REASONS.iter().map(|r| (r, "proposal")));
    // Databases migrated only part of the way (the data-migration tests) have no scopes yet.
    let scoped = applied(&txn, "m20261202_000018_council_documents_and_declines").await?;
    for ((code, kk, ru, en, hides_text), scope) in catalogue {
        if scope == "proposal" && !scoped {
            continue;
        }
        let exists = rejection_reason::Entity::find()
            .select_only()
            .column(rejection_reason::Column::Id)
            .filter(rejection_reason::Column::Code.eq(*code))
            .into_tuple::<i32>()
            .one(&txn)
            .await?
            .is_some();
        if !exists {
            report.settings += 1;
            rejection_reason::Entity::insert(rejection_reason::ActiveModel {
                code: Set((*code).into()),
                name_kk: Set((*kk).into()),
                name_ru: Set((*ru).into()),
                name_en: Set((*en).into()),
                hides_text: Set(*hides_text),
                active: Set(true),
                scope: if scoped {
                    Set(scope.into())
                } else {
                    sea_orm::ActiveValue::NotSet
                },
                created_at: Set(chrono::Utc::now()),
                ..Default::default()
            })
            .exec_without_returning(&txn)
            .await?;
        }
    }

    report.settings += councils::members(&txn).await?;
    report.settings += deputies::deputies(&txn).await?;

    txn.commit().await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_regions_file_has_twenty_regions() {
        let rows = region_rows().expect("the file parses");
        assert_eq!(rows.len(), 20);
        assert_eq!(rows.iter().filter(|r| r.kind == "city").count(), 3);
    }

    #[test]
    fn russian_region_names_decline() {
        assert_eq!(ru_genitive("Акмолинская область"), "Акмолинской области");
        assert_eq!(ru_genitive("область Абай"), "области Абай");
        assert_eq!(ru_genitive("город Астана"), "города Астаны");
    }

    #[test]
    fn a_holiday_on_a_weekend_moves_to_the_next_working_day() {
        let rows = calendar_rows();
        let kind_of = |y, m, d| {
            rows.iter()
                .find(|r| Some(r.0) == date(y, m, d))
                .map(|r| r.1)
        };
        // 8 March 2026 is a Sunday: Monday 9 March is the day off instead.
        assert_eq!(kind_of(2026, 3, 8), Some("holiday"));
        assert_eq!(kind_of(2026, 3, 9), Some("transferred_day_off"));
        // Nauryz 2026 is Saturday 21 to Monday 23 March: the two weekend days move to 24 and 25.
        assert_eq!(kind_of(2026, 3, 24), Some("transferred_day_off"));
        assert_eq!(kind_of(2026, 3, 25), Some("transferred_day_off"));
        assert_eq!(kind_of(2026, 3, 26), None);
        // Victory Day (Saturday 9 May), Constitution Day and Republic Day (Sundays) move too.
        let moved_in_2026 = rows
            .iter()
            .filter(|r| r.0.year() == 2026 && r.1 == "transferred_day_off")
            .count();
        assert_eq!(moved_in_2026, 6);
    }
}
