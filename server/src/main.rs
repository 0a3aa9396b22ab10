//! The `server` binary: `server` (or `server serve`) runs the site; `server migrate` applies the
//! migrations; `server seed` adds missing reference data. Exits non-zero with a one-line reason
//! when the configuration or the database cannot be used.

use std::process::ExitCode;

use app::server::{
    AppParts, AppState, db,
    mail::outbox::{self, Wake},
    seed,
    services::accounts::{IinKey, PublicUrl},
    services::petitions::{counting, signing::Signer, sweep},
    services::signature_log::LogKey,
};
use server::{build_router, config::Config};
use tracing_subscriber::{EnvFilter, fmt};

/// mimalloc instead of glibc's malloc: under a signing surge glibc's allocator (with its
/// consolidation of freed chunks) took about a fifth of the server's CPU (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: server [serve|migrate|seed|grant-admin EMAIL|grant-role …|set-threshold …|citizens …|help]

  serve              run the web site (default): migrates, seeds when empty, starts the
                     mail sender, the signature folding and the deadline sweep, then listens
  migrate            apply pending database migrations and exit
  seed               add missing reference data (regions, bodies, settings) and exit
  grant-admin EMAIL  make the registered account EMAIL an admin from today (the first
                     admin; later ones are granted on the roles page)
  grant-role EMAIL ROLE [BODY-SLUG [DEPUTY-EMAIL]]
                     grant a role from today (moderator, official, deputy, …; a body for
                     every role but moderator and admin; deputy_staff also names the
                     deputy they work for)
  set-threshold KIND LEVEL SIGNATURES [GRADE]
                     set the petition threshold for addressees of a kind and level to a
                     fixed number of signatures counted at GRADE (default iin_checked)
  set-setting KEY VALUE
                     set an existing platform setting (council quorum, agenda notice, …)
  add-body SLUG KIND LEVEL PARENT KATO NAME
                     add a body (the same name in three languages) under the body PARENT,
                     serving the territory KATO, as the administration page does
  citizens PREFIX COUNT [--iin] [--sessions FILE]
                     create COUNT verified accounts PREFIX0@example.kz … in Almaty (for load
                     tests and demos; password steppe-wind-over-ulytau), IIN-checked with
                     --iin; with --sessions, log each in and write one session token a line
  registered-petition AUTHOR MODERATOR BODY KATO DAYS_AGO TITLE
                       (a petition under consideration since DAYS_AGO, its case open at BODY;
                       prints the petition's and the case's ids)
  listed-petition AUTHOR MODERATOR BODY KATO STATUS DAYS_AGO SIGNERS TITLE
                     (a petition opened DAYS_AGO and left in STATUS, signed by the accounts
                     e2e-cosigner0 … e2e-cosigner{SIGNERS-1} over those days; prints its id)
  demo               load the demonstration (dozens of petitions in every state, with
                     signatures over weeks) into a new development database; refuses
                     production and a database with accounts or petitions of its own
  log-key ORIGIN     make a signature log key for DAUYS_LOG_KEY (ORIGIN: the site's host
                     and a path, e.g. dauys.kz/signatures); prints the private key, then
                     the public verifier key to publish
  backdate-case CASE DAYS
                     move a case's registration and deadlines DAYS days into the past, as
                     if the clock had run on (a test fixture)

Configuration comes from the environment; see .env.example.";

#[tokio::main]
async fn main() -> ExitCode {
    // A `.env` file in the working directory, if any, fills in variables not already set.
    let dotenv = dotenvy::dotenv();
    fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    if let Err(error) = dotenv
        && !error.not_found()
    {
        eprintln!("dauys: cannot read .env: {error}");
        return ExitCode::FAILURE;
    }
    let command = std::env::args().nth(1).unwrap_or_else(|| "serve".into());
    let result = match command.as_str() {
        "serve" => serve().await,
        "migrate" => migrate_only().await,
        "seed" => seed_only().await,
        "grant-admin" => match std::env::args().nth(2) {
            Some(email) => grant_role(&email, "admin", "", "").await,
            None => Err(format!("grant-admin needs the account's email\n{USAGE}")),
        },
        "grant-role" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            match args.as_slice() {
                [email, role] => grant_role(email, role, "", "").await,
                [email, role, body] => grant_role(email, role, body, "").await,
                [email, role, body, deputy] => grant_role(email, role, body, deputy).await,
                _ => Err(format!(
                    "grant-role needs EMAIL ROLE [BODY-SLUG [DEPUTY-EMAIL]]\n{USAGE}"
                )),
            }
        }
        "set-threshold" => set_threshold(std::env::args().skip(2).collect()).await,
        "set-setting" => set_setting(std::env::args().skip(2).collect()).await,
        "add-body" => add_body(std::env::args().skip(2).collect()).await,
        "citizens" => citizens(std::env::args().skip(2).collect()).await,
        "registered-petition" => registered_petition(std::env::args().skip(2).collect()).await,
        "backdate-case" => backdate_case(std::env::args().skip(2).collect()).await,
        "demo" => demo().await,
        "log-key" => match std::env::args().nth(2) {
            Some(origin) if signed_note::is_key_name_valid(&origin) => {
                let (key, private) = LogKey::generate(&origin);
                println!("{private}\n{}", key.verifier_key());
                Ok(())
            }
            _ => Err(format!(
                "log-key needs an ORIGIN without spaces or `+`\n{USAGE}"
            )),
        },
        "listed-petition" => listed_petition(std::env::args().skip(2).collect()).await,
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(reason) => {
            eprintln!("dauys: {reason}");
            ExitCode::FAILURE
        }
    }
}

/// The configuration for a fixture command (test accounts with a published password, fixed
/// thresholds), which refuses to touch a production database.
fn fixtures_config(command: &str) -> Result<Config, String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    if config.environment == server::config::Environment::Production {
        return Err(format!(
            "{command} makes test fixtures and refuses a production configuration; set DAUYS_ENV=development"
        ));
    }
    Ok(config)
}

async fn open(config: &Config) -> Result<sea_orm::DatabaseConnection, String> {
    let db = db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    db::migrate(&db).await.map_err(|e| e.to_string())?;
    // Petitions written before search existed (or restored without their search rows).
    app::server::services::search::index_missing(&db)
        .await
        .map_err(|e| format!("cannot index petitions for search: {e}"))?;
    Ok(db)
}

async fn migrate_only() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    open(&config).await?;
    println!("migrations applied");
    Ok(())
}

async fn seed_only() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let db = open(&config).await?;
    let report = seed::reference_data(&db)
        .await
        .map_err(|e| format!("cannot seed: {e}"))?;
    println!(
        "seeded: {} territories, {} bodies, {} settings rows added",
        report.territories, report.bodies, report.settings
    );
    Ok(())
}

async fn grant_role(email: &str, role: &str, body: &str, deputy: &str) -> Result<(), String> {
    use app::model::Role;
    use app::server::services::{roles, today};
    let role = Role::parse(role).ok_or_else(|| format!("unknown role `{role}`"))?;
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let db = open(&config).await?;
    let form = roles::GrantForm {
        email: email.to_owned(),
        role,
        body_slug: body.to_owned(),
        for_email: deputy.to_owned(),
        starts_on: today(),
        ends_on: None,
    };
    let name = role.as_str().replace('_', " ");
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let what = if body.is_empty() {
        format!("{article} {name}")
    } else {
        format!("{article} {name} of {body}")
    };
    match roles::grant(&db, None, form).await {
        Ok(_) => {
            println!("{email} is {what} from today");
            Ok(())
        }
        Err(roles::RoleError::Invalid {
            key: "role-user-unknown",
            ..
        }) => Err(format!(
            "no account has the email {email}; register it on the site first"
        )),
        Err(roles::RoleError::Invalid {
            key: "role-already-held",
            ..
        }) => {
            println!("{email} is already {what}");
            Ok(())
        }
        Err(error) => Err(format!("cannot grant: {error}")),
    }
}

/// The command line's changes go through the administration service, as the pages' do: the
/// same checks, and the change on the record (with no actor).
async fn administer(
    command: &str,
    work: impl for<'c> FnOnce(
        &'c sea_orm::DatabaseTransaction,
    ) -> std::pin::Pin<
        Box<
            dyn std::future::Future<Output = Result<(), app::server::services::ActionError>>
                + Send
                + 'c,
        >,
    >,
) -> Result<(), String> {
    use app::server::services::ActionError;
    let config = fixtures_config(command)?;
    let db = open(&config).await?;
    let (_turn, txn) = app::server::db::begin_write(&db)
        .await
        .map_err(|e| format!("cannot begin: {e}"))?;
    match work(&txn).await {
        Ok(()) => {}
        Err(ActionError::Invalid { field, key }) => {
            return Err(format!("{field}: {}", app::i18n::Locale::En.t(key)));
        }
        Err(ActionError::NotFound) => return Err(format!("{command}: no such item")),
        Err(other) => return Err(format!("{command}: {other}")),
    }
    txn.commit()
        .await
        .map_err(|e| format!("cannot commit: {e}"))
}

async fn set_threshold(args: Vec<String>) -> Result<(), String> {
    use app::model::{BodyKind, BodyLevel, IdentityGrade, ThresholdSetting};
    use app::server::services::administration;
    let (kind, level, signatures, grade) = match args.as_slice() {
        [k, l, s] => (k, l, s, "iin_checked"),
        [k, l, s, g] => (k, l, s, g.as_str()),
        _ => {
            return Err(format!(
                "set-threshold needs KIND LEVEL SIGNATURES [GRADE]\n{USAGE}"
            ));
        }
    };
    let body_kind = BodyKind::parse(kind).ok_or(format!("no body kind {kind}"))?;
    let body_level = BodyLevel::parse(level).ok_or(format!("no level {level}"))?;
    let rule = ThresholdSetting {
        signatures: Some(
            signatures
                .parse()
                .map_err(|_| "SIGNATURES must be a positive number")?,
        ),
        basis_points: None,
        grade: IdentityGrade::parse(grade).ok_or(format!("no identity grade {grade}"))?,
    };
    administer("set-threshold", move |txn| {
        Box::pin(async move {
            administration::set_threshold_of(txn, body_kind, body_level, rule, chrono::Utc::now())
                .await
        })
    })
    .await
    .map_err(|e| {
        if e.ends_with("no such item") {
            format!("no threshold for {kind} at the {level} level")
        } else {
            e
        }
    })?;
    println!("petitions to a {level} {kind} need {signatures} signatures ({grade})");
    Ok(())
}

async fn add_body(args: Vec<String>) -> Result<(), String> {
    use app::model::{BodyKind, BodyLevel, Names};
    use app::server::services::administration::bodies;
    let [slug, kind, level, parent, kato, name @ ..] = args.as_slice() else {
        return Err(format!(
            "add-body needs SLUG KIND LEVEL PARENT KATO NAME\n{USAGE}"
        ));
    };
    let name = name.join(" ");
    let new = bodies::NewBody {
        slug: slug.clone(),
        kind: BodyKind::parse(kind).ok_or(format!("no body kind {kind}"))?,
        level: BodyLevel::parse(level).ok_or(format!("no level {level}"))?,
        parent: Some(parent.clone()),
        territory: kato.clone(),
        names: Names {
            kk: name.clone(),
            ru: name.clone(),
            en: name,
        },
        valid_from: None,
    };
    administer("add-body", move |txn| {
        Box::pin(async move {
            bodies::add(txn, None, new, chrono::Utc::now())
                .await
                .map(|_| ())
        })
    })
    .await?;
    println!("{slug} is added");
    Ok(())
}

async fn set_setting(args: Vec<String>) -> Result<(), String> {
    use app::server::services::administration;
    let [key, value] = args.as_slice() else {
        return Err(format!("set-setting needs KEY VALUE\n{USAGE}"));
    };
    let (k, v) = (key.clone(), value.clone());
    administer("set-setting", move |txn| {
        Box::pin(async move {
            administration::set_setting(txn, None, &k, None, &v, chrono::Utc::now()).await
        })
    })
    .await
    .map_err(|e| {
        if e.ends_with("no such item") {
            format!("no setting {key} an administrator may change")
        } else {
            e
        }
    })?;
    println!("{key} = {value}");
    Ok(())
}

async fn citizens(args: Vec<String>) -> Result<(), String> {
    use app::server::{services::sessions, testing::people};
    let [prefix, count, rest @ ..] = args.as_slice() else {
        return Err(format!("citizens needs PREFIX COUNT\n{USAGE}"));
    };
    let count: usize = count.parse().map_err(|_| "COUNT must be a number")?;
    let iin = rest.iter().any(|a| a == "--iin");
    let sessions_file = rest
        .iter()
        .position(|a| a == "--sessions")
        .and_then(|i| rest.get(i + 1));
    let config = fixtures_config("citizens")?;
    let db = open(&config).await?;
    seed::reference_data(&db)
        .await
        .map_err(|e| format!("cannot seed: {e}"))?;
    let people = people::verified_citizens(&db, prefix, count, "75", iin)
        .await
        .map_err(|e| format!("cannot create the accounts: {e}"))?;
    if let Some(file) = sessions_file {
        let ids: Vec<i32> = people.iter().map(|p| p.id).collect();
        let mut lines = String::new();
        for token in sessions::start_many(&db, &ids, chrono::Utc::now())
            .await
            .map_err(|e| format!("cannot start the sessions: {e}"))?
        {
            lines.push_str(token.as_str());
            lines.push('\n');
        }
        std::fs::write(file, lines).map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    println!("{count} verified accounts {prefix}0@example.kz … created");
    Ok(())
}

async fn demo() -> Result<(), String> {
    let config = fixtures_config("demo")?;
    let db = open(&config).await?;
    seed::reference_data(&db)
        .await
        .map_err(|e| format!("cannot seed: {e}"))?;
    let report = seed::demo::load(&db).await.map_err(|e| e.to_string())?;
    if report.petitions == 0 {
        println!("the demonstration is loaded already");
    } else {
        println!(
            "demonstration loaded: {} petitions, {} signatures",
            report.petitions, report.signatures
        );
    }
    Ok(())
}

async fn listed_petition(args: Vec<String>) -> Result<(), String> {
    use app::model::PetitionStatus;
    use app::server::entities::user;
    use app::server::services::{petitions::counting, today};
    use app::server::testing::people::{self, Listed};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let [
        author,
        moderator,
        body,
        kato,
        status,
        days_ago,
        signers,
        title @ ..,
    ] = args.as_slice()
    else {
        return Err(format!(
            "listed-petition needs AUTHOR MODERATOR BODY KATO STATUS DAYS_AGO SIGNERS TITLE\n{USAGE}"
        ));
    };
    let status = PetitionStatus::parse(status).ok_or("STATUS must be a petition state")?;
    let days: i64 = days_ago.parse().map_err(|_| "DAYS_AGO must be a number")?;
    let signers: usize = signers.parse().map_err(|_| "SIGNERS must be a number")?;
    let config = fixtures_config("listed-petition")?;
    let db = open(&config).await?;
    let account = |email: String| {
        let db = db.clone();
        async move {
            user::Entity::find()
                .filter(user::Column::Email.eq(email.clone()))
                .one(&db)
                .await
                .map_err(|e| format!("cannot read accounts: {e}"))?
                .ok_or(format!("no account has the email {email}"))
        }
    };
    let now = chrono::Utc::now();
    let title = title.join(" ");
    let listed = Listed {
        title: &title,
        summary: "Residents ask the akimat to act; the full text says what and why.",
        text: "The problem has lasted for years.\n\nWe ask the akimat to solve it this year.",
        body,
        kato,
        topic: "roads",
        status,
        opened: now - chrono::Duration::days(days),
    };
    let id = people::listed_petition(
        &db,
        account(author.clone()).await?.id,
        account(moderator.clone()).await?.id,
        &listed,
    )
    .await
    .map_err(|e| format!("cannot file the petition: {e}"))?;
    for i in 0..signers {
        let signer = account(format!("e2e-cosigner{i}@example.kz")).await?;
        let hours = days * 24 * i64::try_from(i).unwrap_or(0) / i64::try_from(signers).unwrap_or(1);
        people::signatures_at(
            &db,
            id,
            &[signer],
            "75",
            listed.opened + chrono::Duration::hours(hours),
        )
        .await
        .map_err(|e| format!("cannot sign: {e}"))?;
    }
    counting::fold(&db, 1_000_000, now, today())
        .await
        .map_err(|e| format!("cannot count: {e}"))?;
    println!("{id}");
    Ok(())
}

async fn registered_petition(args: Vec<String>) -> Result<(), String> {
    use app::server::entities::user;
    use app::server::testing::people;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let [author, moderator, body, kato, days_ago, title @ ..] = args.as_slice() else {
        return Err(format!(
            "registered-petition needs AUTHOR MODERATOR BODY KATO DAYS_AGO TITLE\n{USAGE}"
        ));
    };
    let days: u64 = days_ago.parse().map_err(|_| "DAYS_AGO must be a number")?;
    let config = fixtures_config("registered-petition")?;
    let db = open(&config).await?;
    let id_of = |email: String| {
        let db = db.clone();
        async move {
            user::Entity::find()
                .filter(user::Column::Email.eq(email.clone()))
                .one(&db)
                .await
                .map_err(|e| format!("cannot read accounts: {e}"))?
                .map(|u| u.id)
                .ok_or(format!("no account has the email {email}"))
        }
    };
    let on = app::server::services::today() - chrono::Days::new(days);
    let (petition, case) = people::registered_petition_to(
        &db,
        id_of(author.clone()).await?,
        id_of(moderator.clone()).await?,
        &title.join(" "),
        body,
        kato,
        on,
    )
    .await
    .map_err(|e| format!("cannot register the petition: {e}"))?;
    println!("{petition} {}", case.id);
    Ok(())
}

async fn backdate_case(args: Vec<String>) -> Result<(), String> {
    let [case, days] = args.as_slice() else {
        return Err(format!("backdate-case needs CASE DAYS\n{USAGE}"));
    };
    let case: i32 = case.parse().map_err(|_| "CASE must be a number")?;
    let days: u32 = days.parse().map_err(|_| "DAYS must be a number")?;
    let config = fixtures_config("backdate-case")?;
    let db = open(&config).await?;
    app::server::testing::backdate_case(&db, case, days)
        .await
        .map_err(|e| format!("cannot backdate case {case}: {e}"))?;
    println!("case {case} is {days} days older");
    Ok(())
}

/// The signature log's key: `DAUYS_LOG_KEY`, or in development the one kept in `data/log.key`
/// (made on first start, named after the site's address).
fn log_key(config: &Config) -> Result<LogKey, String> {
    if let Some(key) = &config.log_key {
        return LogKey::parse(key);
    }
    let path = std::path::Path::new("data/log.key");
    if let Ok(text) = std::fs::read_to_string(path) {
        return LogKey::parse(&text).map_err(|e| format!("{}: {e}", path.display()));
    }
    let host = config
        .public_url
        .split_once("://")
        .map_or(config.public_url.as_str(), |(_, rest)| rest);
    let (key, private) = LogKey::generate(&format!("{host}/signatures"));
    std::fs::create_dir_all("data").map_err(|e| format!("cannot create data/: {e}"))?;
    std::fs::write(path, private).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    tracing::info!(
        origin = key.origin(),
        "a development signature log key was made in data/log.key"
    );
    Ok(key)
}

async fn serve() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let db = open(&config).await?;
    if config.seed_on_start {
        let report = seed::reference_data(&db)
            .await
            .map_err(|e| format!("cannot seed: {e}"))?;
        if report.added_anything() {
            tracing::info!(?report, "reference data seeded");
        }
    }
    // The demonstration, when asked for on a development site (`scripts/run.sh`); never in
    // production, and never over data of the site's own.
    if std::env::var("DAUYS_DEMO").is_ok_and(|v| v == "1") {
        if config.environment == server::config::Environment::Production {
            tracing::warn!("DAUYS_DEMO is ignored in production");
        } else {
            match seed::demo::load(&db).await {
                Ok(r) if r.petitions > 0 => tracing::info!(?r, "demonstration data loaded"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "demonstration data not loaded"),
            }
        }
    }
    let addr = config.leptos.site_addr;
    let mailer = config.mail.mailer().map_err(|e| e.to_string())?;
    tracing::info!(?mailer, "mail");
    let mail_wake = Wake::default();
    let sender = tokio::spawn(outbox::run(
        db.clone(),
        mailer,
        mail_wake.clone(),
        std::time::Duration::from_millis(config.mail.poll_ms),
    ));
    let log_key = std::sync::Arc::new(log_key(&config)?);
    tracing::info!(verifier = log_key.verifier_key(), "signature log");
    let written = std::sync::Arc::new(tokio::sync::Notify::new());
    let signer = Signer::start(db.clone(), written.clone());
    let folding = app::server::db::spawn_apart(
        &db,
        counting::run(
            db.clone(),
            log_key.clone(),
            written,
            std::time::Duration::from_millis(config.fold_ms),
            std::time::Duration::from_secs(config.reconcile_seconds),
        ),
    );
    let sweeping = tokio::spawn(sweep::run(
        db.clone(),
        std::time::Duration::from_secs(config.sweep_seconds),
        PublicUrl(config.public_url.clone()),
    ));
    let housekeeping = tokio::spawn(app::server::services::housekeeping::run(
        db.clone(),
        std::time::Duration::from_secs(600),
    ));
    let documents =
        app::server::services::cases::documents::DocumentStore::from_url(&config.documents_url)
            .map_err(|e| format!("cannot open the document store: {e}"))?;
    let router = build_router(
        config.leptos.clone(),
        AppState::new(AppParts {
            db: db.clone(),
            secure_cookies: config.environment == server::config::Environment::Production,
            iin_key: IinKey::new(config.iin_secret.clone()),
            public_url: PublicUrl(config.public_url.clone()),
            mail_wake,
            sessions: app::server::services::sessions::Lookups::start(db.clone()),
            signer,
            petition_views: Default::default(),
            trusted_proxies: std::sync::Arc::new(config.trusted_proxies.clone()),
            metrics_token: config.metrics_token.as_deref().map(std::sync::Arc::from),
            documents,
            responsiveness: Default::default(),
            pages: Default::default(),
            log_key,
        }),
    );
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!("listening on http://{addr}");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| format!("server failed: {e}"))?;
    // A mail being sent now is retried after its lease expires: nothing is lost.
    sender.abort();
    folding.abort();
    sweeping.abort();
    housekeeping.abort();
    db.close().await.ok();
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM, so in-flight requests finish before the process exits.
async fn shutdown_signal() {
    let interrupt = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
