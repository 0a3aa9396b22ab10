//! Dauys, the civic platform: the Leptos application shared by the server (`ssr`) and the
//! browser (`hydrate`). Pages and components render; server functions in [`api`] reach the
//! server-only code in `server` (entities, services, seeding).

pub mod api;
pub mod components;
pub mod error;
pub mod i18n;
pub use receipt::log_check;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::components::layout::{Layout, Localized};
use crate::i18n::Locale;
use crate::pages::{
    account::{
        ChangeEmailPage, ChangePasswordPage, ConfirmEmailChangePage, ConfirmEmailPage,
        DeleteAccountPage, ForgotPasswordPage, IinPage, LoginPage, ProfilePage, RegisterPage,
        ResetPasswordPage,
    },
    admin::{
        AdminPage, BodiesPage, BodyAdminPage, CalendarPage, ChangesPage, ImportPage,
        ImportReportPage, RuleChangesPage, SettingsPage, TermsPage, TerritoriesPage, TerritoryPage,
        ThresholdsPage, TopicsPage,
    },
    body::BodyPage,
    cases::{inbox::InboxPage, responsiveness::ResponsivenessPage, show::CasePage},
    councils::{
        CouncilsPage,
        desk::DeskPage,
        found::FoundCouncilPage,
        meeting::MeetingPage,
        proposal::{NewProposalPage, ProposalPage, RecommendationPage, UnfollowPage},
        show::CouncilPage,
    },
    home::HomePage,
    inquiries::{
        deputy::{DeputyPage, MaslikhatPage},
        draft::InquiryDraftPage,
        register::InquiryRegisterPage,
        show::InquiryPage,
    },
    not_found::NotFound,
    petitions::{FilePetitionPage, ModerationPage, PetitionPage, PetitionsPage, ReasonsPage},
    region::RegionPage,
    regions::RegionsPage,
    roles::RolesPage,
};

/// The language a request path is in: its first segment, or Kazakh when that is no language.
pub fn locale_of_path(path: &str) -> Locale {
    path.trim_start_matches('/')
        .split('/')
        .next()
        .and_then(Locale::from_code)
        .unwrap_or_default()
}

/// Whether the page at `path` carries an island (a part the browser runs). Only these pages load
/// the wasm bundle and its script; every other page is HTML with plain forms and loads no script.
/// An island added to another page must add its route here (the Playwright bundle check sees a
/// page whose island never wakes up).
pub fn page_has_islands(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches!(
        segments.as_slice(),
        [_, "petitions", "new"] | [_, "petitions", _, "edit"]
    )
}

/// The HTML document around the app, rendered on the server for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let path = use_context::<http::request::Parts>()
        .map(|parts| parts.uri.path().to_owned())
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let path = String::new();
    let locale = locale_of_path(&path);
    let islands = page_has_islands(&path);
    // In islands mode nothing outside an island hydrates, so the server must not serialise the
    // pages' resources into scripts (`HydrationScripts` says so on the pages that load it).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    #[cfg(feature = "ssr")]
    server::request::set_page_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                {islands.then(|| view! { <HydrationScripts options islands=true/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: one layout around every route.
///
/// Every route renders with `SsrMode::Async` and blocking resources: the response waits for the
/// page's data, so the HTML is complete without JavaScript and a 404 status is set before the
/// first byte.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href="/pkg/dauys.css"/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route
                        path=path!("/:lang")
                        view=|| view! { <Localized><HomePage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/regions")
                        view=|| view! { <Localized><RegionsPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/regions/:kato")
                        view=|| view! { <Localized><RegionPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/login")
                        view=|| view! { <Localized><LoginPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/register")
                        view=|| view! { <Localized><RegisterPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/profile")
                        view=|| view! { <Localized><ProfilePage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/bodies/:slug")
                        view=|| view! { <Localized><BodyPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/password/forgot")
                        view=|| view! { <Localized><ForgotPasswordPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/password/reset/:token")
                        view=|| view! { <Localized><ResetPasswordPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/email/confirm/:token")
                        view=|| view! { <Localized><ConfirmEmailPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/email/change/:token")
                        view=|| view! { <Localized><ConfirmEmailChangePage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/profile/password")
                        view=|| view! { <Localized><ChangePasswordPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/profile/email")
                        view=|| view! { <Localized><ChangeEmailPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/profile/iin")
                        view=|| view! { <Localized><IinPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/profile/delete")
                        view=|| view! { <Localized><DeleteAccountPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/roles")
                        view=|| view! { <Localized><RolesPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/petitions")
                        view=|| view! { <Localized><PetitionsPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/search")
                        view=|| view! { <Localized><pages::search::SearchPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/petitions/new")
                        view=|| view! { <Localized><FilePetitionPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/petitions/:id")
                        view=|| view! { <Localized><PetitionPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/petitions/:id/edit")
                        view=|| view! { <Localized><FilePetitionPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/moderation")
                        view=|| view! { <Localized><ModerationPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/inbox")
                        view=|| view! { <Localized><InboxPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/cases/:id")
                        view=|| view! { <Localized><CasePage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/moderation/record")
                        view=|| view! { <Localized><pages::verify::ModerationRecordPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/verify")
                        view=|| view! { <Localized><pages::verify::VerifyPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/responsiveness")
                        view=|| view! { <Localized><ResponsivenessPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/councils")
                        view=|| view! { <Localized><CouncilsPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/councils/:slug")
                        view=|| view! { <Localized><CouncilPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/councils/:slug/propose")
                        view=|| view! { <Localized><NewProposalPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/councils/:slug/desk")
                        view=|| view! { <Localized><DeskPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/meetings/:id")
                        view=|| view! { <Localized><MeetingPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/proposals/:id")
                        view=|| view! { <Localized><ProposalPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/recommendations/:id")
                        view=|| view! { <Localized><RecommendationPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/unfollow/:token")
                        view=|| view! { <Localized><UnfollowPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/inquiries")
                        view=|| view! { <Localized><InquiryRegisterPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/inquiries/new")
                        view=|| view! { <Localized><InquiryDraftPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/inquiries/:id")
                        view=|| view! { <Localized><InquiryPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/inquiries/:id/edit")
                        view=|| view! { <Localized><InquiryDraftPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/deputies/:id")
                        view=|| view! { <Localized><DeputyPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/maslikhats/:slug")
                        view=|| view! { <Localized><MaslikhatPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/councils")
                        view=|| view! { <Localized><FoundCouncilPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin")
                        view=|| view! { <Localized><AdminPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/thresholds")
                        view=|| view! { <Localized><ThresholdsPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/calendar")
                        view=|| view! { <Localized><CalendarPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/calendar/:year")
                        view=|| view! { <Localized><CalendarPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/settings")
                        view=|| view! { <Localized><SettingsPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/territories")
                        view=|| view! { <Localized><TerritoriesPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/territories/:kato")
                        view=|| view! { <Localized><TerritoryPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/bodies")
                        view=|| view! { <Localized><BodiesPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/topics")
                        view=|| view! { <Localized><TopicsPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/bodies/:slug")
                        view=|| view! { <Localized><BodyAdminPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/terms")
                        view=|| view! { <Localized><TermsPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/import")
                        view=|| view! { <Localized><ImportPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/imports/:id")
                        view=|| view! { <Localized><ImportReportPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/changes")
                        view=|| view! { <Localized><ChangesPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/rules/changes")
                        view=|| view! { <Localized><RuleChangesPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/:lang/admin/reasons")
                        view=|| view! { <Localized><ReasonsPage/></Localized> }
                        ssr=SsrMode::Async
                    />
                </Routes>
            </Layout>
        </Router>
    }
}
