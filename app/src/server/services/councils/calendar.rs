//! iCalendar feeds: a council's published meetings, and one meeting, each entry linking back to
//! the meeting's page (written with the `icalendar` crate).

use chrono::Duration;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use sea_orm::ConnectionTrait;

use super::super::ServiceError;
use super::{by_slug, meetings};
use crate::i18n::Locale;
use crate::model::{MeetingFormat, MeetingState};
use crate::server::entities::{body, meeting};

fn entry(m: &meeting::Model, council: &body::Model, locale: Locale, public_url: &str) -> Event {
    let name = locale.pick(&council.name_kk, &council.name_ru, &council.name_en);
    let page = format!(
        "{}/{}/meetings/{}",
        public_url.trim_end_matches('/'),
        locale.code(),
        m.id
    );
    let location = match MeetingFormat::parse(&m.format) {
        Some(MeetingFormat::Online) => m.online_url.clone(),
        Some(MeetingFormat::Hybrid) => format!("{} · {}", m.place, m.online_url),
        _ => m.place.clone(),
    };
    let mut event = Event::new();
    event
        .uid(&format!("meeting-{}@dauys", m.id))
        .summary(name)
        .starts(m.starts_at)
        .ends(m.starts_at + Duration::hours(2))
        .location(&location)
        .description(&page)
        .url(&page)
        .status(if m.state == MeetingState::Closed.as_str() {
            EventStatus::Confirmed
        } else {
            EventStatus::Tentative
        });
    event.done()
}

/// The feed of a council's published meetings.
///
/// # Errors
/// `NotFound` for an unknown council; a database failure.
pub async fn council_feed(
    db: &impl ConnectionTrait,
    slug: &str,
    locale: Locale,
    public_url: &str,
) -> Result<String, ServiceError> {
    let council = by_slug(db, slug).await?;
    let mut calendar = Calendar::new();
    calendar.name(locale.pick(&council.name_kk, &council.name_ru, &council.name_en));
    for m in meetings::of_council(db, council.id, false).await? {
        calendar.push(entry(&m, &council, locale, public_url));
    }
    Ok(calendar.done().to_string())
}

/// The entry of one published meeting.
///
/// # Errors
/// `NotFound` for an unknown or unpublished meeting; a database failure.
pub async fn meeting_entry(
    db: &impl ConnectionTrait,
    id: i32,
    locale: Locale,
    public_url: &str,
) -> Result<String, ServiceError> {
    let m = meetings::find(db, id)
        .await
        .map_err(|_| ServiceError::NotFound)?;
    if m.state == MeetingState::Draft.as_str() {
        return Err(ServiceError::NotFound);
    }
    let council = super::by_id(db, m.council_id).await?;
    let mut calendar = Calendar::new();
    calendar.push(entry(&m, &council, locale, public_url));
    Ok(calendar.done().to_string())
}
