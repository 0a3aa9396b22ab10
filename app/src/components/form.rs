//! Forms: every form is a plain HTML form posting to a server function, so it works the same
//! with JavaScript off. A failure comes back to the page (`?__err=…`) and is shown next to its
//! field, with what was typed filled in again (never passwords or the IIN).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::account::visitor;
use crate::error::AppError;
use crate::i18n::{tr, use_locale};
use crate::model::{FormEcho, Me};

/// What a form needs to render: its token, the failure (if it just failed) and what was typed.
#[derive(Clone, Debug)]
pub struct FormCtx {
    /// The server function's path (`/api/register`).
    pub action: &'static str,
    /// The CSRF token.
    pub csrf: String,
    /// The signed-in account.
    pub me: Option<Me>,
    error: Option<AppError>,
    echo: Option<FormEcho>,
}

impl FormCtx {
    /// The message for `field`, if the form failed on it.
    pub fn error(&self, field: &str) -> Option<String> {
        let locale = use_locale().get_untracked();
        match &self.error {
            Some(AppError::Invalid { field: f, .. }) if f == field => {
                self.error.as_ref().map(|e| e.message(locale))
            }
            _ => None,
        }
    }

    /// What was typed into `field` before the form failed.
    pub fn value(&self, field: &str) -> Option<String> {
        self.error.as_ref()?;
        self.echo.as_ref()?.value(self.action, field)
    }
}

/// The failure of the last call of server function `S` on this page, if the page is shown
/// after one (a plain form's `__err` redirect, or an action's value).
pub fn failure<S>() -> Option<AppError>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    leptos::server::ServerAction::<S>::new()
        .value()
        .get_untracked()
        .and_then(Result::err)
}

/// The message for a failure that belongs to no one field.
fn form_error(error: Option<&AppError>) -> Option<String> {
    let locale = use_locale().get_untracked();
    match error {
        None | Some(AppError::Invalid { .. }) => None,
        Some(other) => Some(other.message(locale)),
    }
}

/// A form posting to `action`: the hidden CSRF and language fields, the fields `body` renders
/// from the form's context, and a submit button labelled `submit`. `error` is the server
/// action's failure, if the page is shown after one.
#[component]
pub fn PostForm<F, V>(
    action: &'static str,
    error: Option<AppError>,
    submit: &'static str,
    body: F,
    #[prop(optional)] secondary: bool,
) -> impl IntoView
where
    F: Fn(&FormCtx) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let notice = form_error(error.as_ref())
        .map(|message| view! { <p class="notice notice-error" role="alert">{message}</p> });
    view! {
        {notice}
        <Suspense fallback=|| ()>
            {move || {
                let error = error.clone();
                let body = body.clone();
                Suspend::new(async move {
                    let visitor = visitor().await;
                    let ctx = FormCtx {
                        action,
                        csrf: visitor.csrf,
                        me: visitor.me,
                        error,
                        echo: visitor.echo,
                    };
                    let class = if secondary { "button button-secondary" } else { "button" };
                    view! {
                        <form method="post" action=action class="form">
                            <FormTokens csrf=ctx.csrf.clone()/>
                            {body(&ctx)}
                            <button type="submit" class=class>{tr(submit)}</button>
                        </form>
                    }
                })
            }}
        </Suspense>
    }
}

/// The hidden fields every state-changing form carries: the CSRF token and the page language.
#[component]
pub fn FormTokens(csrf: String) -> impl IntoView {
    let locale = use_locale();
    view! {
        <input type="hidden" name="csrf" value=csrf/>
        <input type="hidden" name="lang" value=move || locale.get().code()/>
    }
}

/// A labelled input with its hint and error message (announced, and tied to the input).
#[component]
pub fn Field(
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(optional_no_strip)] value: Option<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] optional: bool,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = [
        hint.map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let invalid = error.is_some().then_some("true");
    view! {
        <div class="field">
            <label for=id.clone()>{tr(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{tr(h)}</p> })}
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required=!optional
                maxlength=maxlength
                value=value
                aria-invalid=invalid
                aria-describedby=(!described.is_empty()).then_some(described)
            />
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
        </div>
    }
}

/// The notices a page shows after a successful form (`?done=…`), from a fixed list.
const DONE: &[&str] = &[
    "registered",
    "verification-sent",
    "email-verified",
    "reset-sent",
    "password-reset",
    "password-changed",
    "email-change-sent",
    "email-changed",
    "iin-recorded",
    "account-deleted",
    "role-granted",
    "role-ended",
    "petition-submitted",
    "draft-saved",
    "petition-withdrawn",
    "petition-back-to-draft",
    "draft-deleted",
    "signed",
    "already-signed",
    "signature-withdrawn",
    "claimed",
    "approved",
    "returned",
    "rejected",
    "answered",
    "rated",
    "signatures-invalidated",
    "reason-saved",
    "clarification-asked",
    "clarification-given",
    "forwarded",
    "case-updated",
    "case-closed",
    "documents-attached",
    "proposal-sent",
    "supported",
    "already-supported",
    "proposal-hidden",
    "proposal-merged",
    "proposal-declined",
    "council-founded",
    "inquiry-saved",
    "inquiry-sent",
    "inquiry-assessed",
    "inquiry-step-added",
    "inquiry-closed",
    "petition-adopted",
    "member-added",
    "member-ended",
    "meeting-created",
    "agenda-item-added",
    "agenda-published",
    "attendance-recorded",
    "item-decided",
    "item-deferred",
    "minutes-saved",
    "meeting-closed-done",
    "comment-added",
    "followed",
    "unfollowed",
    "threshold-saved",
    "calendar-day-added",
    "calendar-day-removed",
    "calendar-filled",
    "setting-saved",
    "territory-added",
    "territory-renamed",
    "territory-dates-saved",
    "population-saved",
    "body-added",
    "body-renamed",
    "body-moved",
    "council-minimum-saved",
    "body-ended",
    "import-applied",
    "term-saved",
    "topic-added",
    "topic-saved",
];

/// A confirmation after a successful form, named by the `done` query parameter.
#[component]
pub fn DoneNotice() -> impl IntoView {
    let query = use_query_map();
    let locale = use_locale();
    move || {
        let done = query.read().get("done")?;
        let key = DONE.iter().find(|k| **k == done)?;
        Some(view! {
            <p class="notice notice-success" role="status">{locale.get().t(&format!("done-{key}"))}</p>
        })
    }
}

/// The options of a topic select, in the catalogue's order, `chosen` selected.
pub fn topic_options(
    topics: &[crate::model::TopicView],
    chosen: Option<&str>,
) -> impl IntoView + use<> {
    let l = use_locale().get_untracked();
    topics
        .iter()
        .map(|t| {
            view! {
                <option value=t.code.clone() selected=chosen == Some(t.code.as_str())>{t.names.get(l).to_owned()}</option>
            }
        })
        .collect_view()
}
