//! Who is asking, for the header and the account pages: one blocking resource per page
//! (`whoami`), which also carries the CSRF token every form echoes and what was typed into a
//! form that just failed.

use leptos::prelude::*;

use crate::api::accounts::whoami;
use crate::components::links::href;
use crate::error::AppError;
use crate::i18n::{tr, use_locale};
use crate::model::{Role, Visitor};

/// The page's `whoami` answer.
pub type Whoami = Resource<Result<Visitor, AppError>>;

/// Creates the page's `whoami` resource and provides it to everything below.
pub fn provide_whoami() -> Whoami {
    let resource: Whoami = Resource::new_blocking(|| (), |_| whoami());
    provide_context(resource);
    resource
}

/// The page's `whoami` resource.
pub fn use_whoami() -> Option<Whoami> {
    use_context::<Whoami>()
}

/// The page's visitor (an anonymous one when the answer is missing; the server then refuses
/// its forms).
pub async fn visitor() -> Visitor {
    match use_whoami() {
        Some(resource) => resource.await.unwrap_or_default(),
        None => Visitor::default(),
    }
}

/// The header's account links: log in and register, or the person's name (and the roles page
/// for those who manage roles).
#[component]
pub fn AccountLinks() -> impl IntoView {
    let locale = use_locale();
    let whoami = use_whoami();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let me = match whoami {
                    Some(resource) => resource.await.ok().and_then(|v| v.me),
                    None => None,
                };
                match me {
                    Some(me) => {
                        let manages = me
                            .roles
                            .iter()
                            .any(|g| matches!(g.role, Role::Admin | Role::CouncilSecretary));
                        let holds = |role: Role| me.roles.iter().any(|g| g.role == role);
                        let (moderates, answers, admin) =
                            (holds(Role::Moderator), holds(Role::Official), holds(Role::Admin));
                        let drafts = holds(Role::Deputy) || holds(Role::DeputyStaff);
                        view! {
                            {moderates.then(|| view! {
                                <li><a href=move || href(locale.get(), "/moderation")>{tr("nav-moderation")}</a></li>
                            })}
                            {answers.then(|| view! {
                                <li><a href=move || href(locale.get(), "/inbox")>{tr("nav-inbox")}</a></li>
                            })}
                            {drafts.then(|| view! {
                                <li><a href=move || href(locale.get(), "/inquiries/new")>{tr("nav-inquiry")}</a></li>
                            })}
                            {admin.then(|| view! {
                                <li><a href=move || href(locale.get(), "/admin")>{tr("nav-admin")}</a></li>
                            })}
                            {manages.then(|| view! {
                                <li><a href=move || href(locale.get(), "/roles")>{tr("nav-roles")}</a></li>
                            })}
                            <li><a href=move || href(locale.get(), "/profile")>{me.display_name}</a></li>
                        }.into_any()
                    }
                    None => view! {
                        <li><a href=move || href(locale.get(), "/login")>{tr("nav-login")}</a></li>
                        <li><a href=move || href(locale.get(), "/register")>{tr("nav-register")}</a></li>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
