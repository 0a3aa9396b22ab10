//! Pieces every page about something a body must answer shows the same way: the answer form,
//! the rating form and the public timeline.

use leptos::prelude::*;

use crate::components::form::FormTokens;
use crate::i18n::{format_date, use_locale};
use crate::model::{AnswerDecision, TimelineEntry};

/// The day in Kazakhstan of an instant, as pages print dates.
pub fn kz_date(at: chrono::DateTime<chrono::Utc>) -> String {
    format_date((at + chrono::Duration::hours(5)).date_naive())
}

/// An official's answer: a decision and the text with reasons, posted to `action` with `id`.
#[component]
pub fn AnswerForm(action: &'static str, id: i32, csrf: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section class="panel" aria-labelledby="answer-form-heading">
            <h2 id="answer-form-heading">{l.t("answer-form-title")}</h2>
            <form method="post" action=action class="form">
                <FormTokens csrf=csrf/>
                <input type="hidden" name="id" value=id.to_string()/>
                <div class="field">
                    <label for="answer-decision">{l.t("answer-decision")}</label>
                    <select id="answer-decision" name="decision" required>
                        {AnswerDecision::ALL.iter().map(|d| view! { <option value=d.as_str()>{l.t(d.label_key())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="answer-text">{l.t("answer-text")}</label>
                    <textarea id="answer-text" name="text" rows="8" required maxlength="20000"></textarea>
                </div>
                <button type="submit" class="button">{l.t("answer-submit")}</button>
            </form>
        </section>
    }
}

/// A citizen's 1–5 rating of an answer, posted to `action` with `id`.
#[component]
pub fn RateForm(action: &'static str, id: i32, csrf: String, mine: Option<u8>) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <form method="post" action=action class="inline-form">
            <FormTokens csrf=csrf/>
            <input type="hidden" name="id" value=id.to_string()/>
            <fieldset>
                <legend>{l.t("answer-rate")}</legend>
                {(1u8..=5).map(|n| {
                    let fid = format!("rating-{n}");
                    view! {
                        <input type="radio" id=fid.clone() name="rating" value=n.to_string() checked=mine == Some(n) required/>
                        <label for=fid>{n.to_string()}</label>
                    }
                }).collect_view()}
            </fieldset>
            <button type="submit" class="button button-secondary">{l.t("answer-rate-submit")}</button>
        </form>
    }
}

/// The public timeline, oldest first: date, what happened, in what role, the other body of a
/// hand-over, the catalogue reason and the note.
#[component]
pub fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{l.t("petition-timeline")}</h2>
            <ol class="timeline">
                {entries.into_iter().map(|e| view! {
                    <li>
                        <time datetime=e.at.to_rfc3339()>{kz_date(e.at)}</time>" · "
                        <strong>{l.t(e.kind.label_key())}</strong>" · "
                        <span class="hint">{l.t(e.role.label_key())}</span>
                        {e.body.map(|b| view! { <br/>{l.t("timeline-body")}" "<bdi>{b.get(l).to_owned()}</bdi> })}
                        {e.reason.map(|r| view! { <br/>{l.t("timeline-reason")}" "{r.get(l).to_owned()} })}
                        {e.note.map(|n| view! { <br/><span class="prewrap">{n}</span> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// One document as a list item: its name linking to the download, and its size.
#[component]
pub fn DocumentItem(doc: crate::model::DocumentView) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <li><a href=doc.href rel="external"><bdi>{doc.name}</bdi></a>
            " "<span class="hint">"("{l.number(doc.size.div_ceil(1024))}" KB)"</span></li>
    }
}

/// What an upload of documents may come back with (`?error=`), each a message key.
const UPLOAD_ERRORS: &[&str] = &[
    "document-item",
    "document-none",
    "document-empty",
    "document-too-big",
    "document-too-many",
    "document-type",
    "document-type-mismatch",
    "document-name",
    "case-not-answered",
    "clarification-none-open",
    "case-not-awaiting",
    "meeting-closed",
    "meeting-not-published",
    "meeting-not-yet",
    "import-kind",
    "import-no-file",
];

/// The reason an upload came back with (`?error=<key>`), in the page's language.
#[component]
pub fn UploadNotice() -> impl IntoView {
    let locale = use_locale();
    let query = leptos_router::hooks::use_query_map();
    move || {
        let key = query.read().get("error")?;
        let key = UPLOAD_ERRORS.iter().find(|k| **k == key)?;
        Some(view! { <p class="notice notice-error" role="alert">{locale.get().t(key)}</p> })
    }
}

/// The file input of a documents form: the types the platform takes, several at once.
#[component]
pub fn FilesField(id: &'static str) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <div class="field">
            <label for=id>{l.t("case-attach-files")}</label>
            <input type="file" id=id name="files" multiple required
                accept=".pdf,.png,.jpg,.jpeg,.odt,.docx,application/pdf,image/png,image/jpeg,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document"/>
        </div>
    }
}
