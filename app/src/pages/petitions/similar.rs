//! The filing form's title field, which shows petitions like the one being written as the
//! author types. It is an island: the only part of the page layer the browser runs, so the
//! browser downloads this and not the pages around it (see ARCHITECTURE.md, "Islands").
//! Without JavaScript the same list comes from the working title of the form's first step.

use leptos::prelude::*;

use crate::components::links::href;
use crate::i18n::Locale;
use crate::model::{PetitionSummary, SimilarPetition};

/// Similar petitions as the page shows them, in the page's language (on the server: the
/// island gets them ready, so the browser carries no translations).
pub fn similar_items(l: Locale, list: Vec<PetitionSummary>) -> Vec<SimilarPetition> {
    list.into_iter()
        .map(|p| SimilarPetition {
            href: href(l, &format!("/petitions/{}", p.id)),
            status: p.status.as_str().to_owned(),
            status_label: l.t(p.status.label_key()),
            signatures: format!(
                "{} {}",
                l.number(p.count),
                l.t_with("petition-signatures", &[("n", p.count.into())])
            ),
            title: p.title,
        })
        .collect()
}

/// The words around the list, in the page's language.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SimilarWords {
    /// The list's heading.
    pub heading: String,
    /// What the author may do about them.
    pub hint: String,
}

/// The title input, then `children` (its error line, if any), then the petitions like it.
/// Typing asks the server again a moment after the typing stops; only the latest answer shows.
#[island]
pub fn TitleWithSimilar(
    /// The page's language code, for the server's answer.
    lang: String,
    /// The title as typed or saved.
    value: String,
    /// Whether the title was refused.
    invalid: bool,
    /// The words around the list.
    words: SimilarWords,
    /// The list as the server found it for the working title.
    similar: Vec<SimilarPetition>,
    /// The title's error line.
    children: Children,
) -> impl IntoView {
    let similar = RwSignal::new(similar);
    let asked = StoredValue::new(0_u64);
    view! {
        <input id="field-title" name="title" type="text" required maxlength="120" value=value
            aria-invalid=invalid.then_some("true") aria-describedby="field-title-hint"
            on:input=move |ev| look_up(lang.clone(), event_target_value(&ev), similar, asked)/>
        {children()}
        {move || similar_list(&words, similar.get())}
    }
}

/// Asks for petitions like `title`, 400 ms after the last key, and keeps the answer only if no
/// later question was asked meanwhile.
fn look_up(
    lang: String,
    title: String,
    similar: RwSignal<Vec<SimilarPetition>>,
    asked: StoredValue<u64>,
) {
    let ticket = asked.get_value() + 1;
    asked.set_value(ticket);
    set_timeout(
        move || {
            if asked.get_value() != ticket {
                return;
            }
            leptos::task::spawn_local(async move {
                if let Ok(list) = crate::api::petitions::similar_petitions(title, lang).await
                    && asked.get_value() == ticket
                {
                    similar.set(list);
                }
            });
        },
        std::time::Duration::from_millis(400),
    );
}

/// The petitions like the one being written, if any.
fn similar_list(words: &SimilarWords, list: Vec<SimilarPetition>) -> impl IntoView + use<> {
    (!list.is_empty()).then(|| {
        view! {
            <div class="similar" role="status">
                <p><strong>{words.heading.clone()}</strong></p>
                <ul>
                    {list.into_iter().map(|p| view! {
                        <li><a href=p.href><bdi>{p.title}</bdi></a>
                            " · "<span class=format!("tag status-{}", p.status)>{p.status_label}</span>
                            " · "{p.signatures}</li>
                    }).collect_view()}
                </ul>
                <p class="hint">{words.hint.clone()}</p>
            </div>
        }
    })
}
