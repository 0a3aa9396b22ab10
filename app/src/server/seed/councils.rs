//! Members for every public council that has none, so a new site shows councils as they are
//! composed: a chair, a deputy chair, a secretary without a vote, members from civic
//! organisations, and one former member whose term ended. The names are made up from common
//! Kazakh names, the same council always getting the same list.

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::model::{BodyKind, MemberPosition};
use crate::server::entities::{body, council_member};

const SURNAMES: &[&str] = &[
    "Ахметов",
    "Сейітқали",
    "Жұмабеков",
    "Оспанов",
    "Нұрланұлы",
    "Әбдірахманов",
    "Төлегенов",
    "Қасымов",
    "Байжанов",
    "Серікбаев",
    "Мұхамедиев",
    "Ержанов",
    "Омаров",
    "Тұрсынбаев",
    "Кенжебеков",
    "Смағұлов",
    "Исабеков",
    "Жақсылықов",
    "Бекмұханбетов",
    "Әлімжанов",
];
const GIVEN: &[&str] = &[
    "Айгүл",
    "Ерлан",
    "Данияр",
    "Мәдина",
    "Асқар",
    "Гүлнара",
    "Бауыржан",
    "Жанар",
    "Нұрлан",
    "Ләззат",
    "Арман",
    "Сәуле",
    "Қайрат",
    "Динара",
    "Ғалым",
    "Айнұр",
    "Мейрам",
    "Салтанат",
];
const ORGANISATIONS: &[&str] = &[
    "«Атамекен» ұлттық кәсіпкерлер палатасының өңірлік палатасы",
    "Қазақстан жастар конгресі",
    "Мүгедектігі бар адамдар қоғамы",
    "Ардагерлер кеңесі",
    "Тұтынушылардың құқықтарын қорғау қоғамы",
    "Пәтер иелерінің бірлестігі",
    "Экологиялық қоғамдық бірлестік",
    "Ата-аналар комитеттерінің одағы",
    "Адвокаттар алқасы",
    "Медицина қызметкерлерінің кәсіподағы",
];

fn female(given: &str) -> bool {
    matches!(
        given,
        "Айгүл"
            | "Мәдина"
            | "Гүлнара"
            | "Жанар"
            | "Ләззат"
            | "Сәуле"
            | "Динара"
            | "Айнұр"
            | "Салтанат"
    )
}

/// A made-up full name: surname (with the feminine ending where Kazakh surnames take one) and
/// given name.
pub(super) fn name(n: usize) -> String {
    let given = GIVEN[(n * 7 + 3) % GIVEN.len()];
    let surname = SURNAMES[(n * 11 + 5) % SURNAMES.len()];
    let surname = if female(given) && (surname.ends_with("ов") || surname.ends_with("ев")) {
        format!("{surname}а")
    } else {
        surname.to_owned()
    };
    format!("{surname} {given}")
}

/// Seeds members for each council without any. Returns how many rows were added.
///
/// # Errors
/// A database failure.
pub async fn members(db: &impl ConnectionTrait) -> Result<usize, sea_orm::DbErr> {
    // No council tables yet on a database migrated only part of the way: no members to seed.
    if !super::applied(db, "m20261201_000017_create_councils").await? {
        return Ok(0);
    }
    let councils = body::Entity::find()
        .filter(body::Column::Kind.eq(BodyKind::PublicCouncil.as_str()))
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?;
    let term_start = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap_or_default();
    let former_start = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap_or_default();
    let former_end = NaiveDate::from_ymd_opt(2025, 2, 28).unwrap_or_default();
    let mut added = 0;
    for (index, council) in councils.iter().enumerate() {
        let existing = council_member::Entity::find()
            .filter(council_member::Column::CouncilId.eq(council.id))
            .count(db)
            .await?;
        if existing > 0 {
            continue;
        }
        let mut seats = vec![
            (MemberPosition::Chair, true),
            (MemberPosition::DeputyChair, true),
            (MemberPosition::Secretary, false),
        ];
        seats.extend(std::iter::repeat_n((MemberPosition::Member, true), 6));
        let base = index * 13;
        for (seat, (position, voting)) in seats.iter().enumerate() {
            council_member::ActiveModel {
                council_id: Set(council.id),
                full_name: Set(name(base + seat)),
                position: Set(position.as_str().into()),
                organisation: Set(if *position == MemberPosition::Secretary {
                    String::new()
                } else {
                    ORGANISATIONS[(base + seat) % ORGANISATIONS.len()].into()
                }),
                voting: Set(*voting),
                starts_on: Set(term_start),
                ends_on: Set(None),
                user_id: Set(None),
                created_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
            .insert(db)
            .await?;
            added += 1;
        }
        council_member::ActiveModel {
            council_id: Set(council.id),
            full_name: Set(name(base + 11)),
            position: Set(MemberPosition::Member.as_str().into()),
            organisation: Set(ORGANISATIONS[(base + 11) % ORGANISATIONS.len()].into()),
            voting: Set(true),
            starts_on: Set(former_start),
            ends_on: Set(Some(former_end)),
            user_id: Set(None),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        added += 1;
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    #[test]
    fn women_take_the_feminine_surname() {
        let names: Vec<String> = (0..60).map(super::name).collect();
        for n in &names {
            let (surname, given) = n.split_once(' ').expect("two words");
            if super::female(given) {
                assert!(!surname.ends_with("ов") && !surname.ends_with("ев"), "{n}");
            }
        }
        assert!(
            names
                .iter()
                .any(|n| n.ends_with("ова Айгүл") || n.contains("ова "))
        );
    }
}
