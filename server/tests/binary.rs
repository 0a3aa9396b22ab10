//! The `server` binary as an operator meets it: exit codes and messages for a database that
//! cannot be used, the `migrate` and `seed` sub-commands, and a graceful stop on SIGTERM.

use std::{
    net::TcpListener,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

fn server() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .env("RUST_LOG", "error")
        .env("DAUYS_ENV", "development")
        .env_remove("DAUYS_SMTP_URL")
        .env(
            "DAUYS_MAIL_DIR",
            std::env::temp_dir().join("dauys-bin-mail"),
        );
    command
}

fn temp_db(name: &str) -> (std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("dauys-bin-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite://{}/dauys.db?mode=rwc", dir.display());
    (dir, url)
}

#[test]
fn a_malformed_database_url_is_reported_as_such() {
    let output = server()
        .args(["migrate"])
        .env("DATABASE_URL", "mysql//nowhere")
        .output()
        .expect("binary runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("dauys: DATABASE_URL is malformed"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
}

#[test]
fn a_database_that_cannot_be_opened_stops_the_server_with_one_line() {
    let output = server()
        .env("DATABASE_URL", "postgres://nobody@127.0.0.1:9/none")
        .output()
        .expect("binary runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("dauys: cannot open the database"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
}

#[test]
fn migrate_then_seed_report_what_they_did() {
    let (dir, url) = temp_db("seed");
    let migrate = server()
        .arg("migrate")
        .env("DATABASE_URL", &url)
        .output()
        .expect("runs");
    assert!(migrate.status.success());
    let seed = server()
        .arg("seed")
        .env("DATABASE_URL", &url)
        .output()
        .expect("runs");
    assert!(seed.status.success());
    let first = String::from_utf8_lossy(&seed.stdout).into_owned();
    assert!(first.contains("21 territories"), "{first}");
    let again = server()
        .arg("seed")
        .env("DATABASE_URL", &url)
        .output()
        .expect("runs");
    let second = String::from_utf8_lossy(&again.stdout).into_owned();
    assert!(
        second.contains("0 territories, 0 bodies, 0 settings"),
        "{second}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn sigterm_stops_the_server_gracefully() {
    let (dir, url) = temp_db("term");
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let mut child = server()
        .env("DATABASE_URL", &url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "server never listened"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("server exits");
    assert_eq!(status.code(), Some(0), "a clean exit after SIGTERM");
    std::fs::remove_dir_all(dir).ok();
}

/// A signature log key made by `server log-key`, which prints the private key, then the
/// verifier key.
fn log_key() -> String {
    let output = server()
        .args(["log-key", "dauys.example.kz/signatures"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("text");
    let mut lines = text.lines();
    let private = lines.next().expect("the private key").to_owned();
    let verifier = lines.next().expect("the verifier key");
    assert!(
        private.starts_with("PRIVATE+KEY+dauys.example.kz/signatures+"),
        "{private}"
    );
    assert!(
        verifier.starts_with("dauys.example.kz/signatures+"),
        "{verifier}"
    );
    private
}

#[test]
fn production_refuses_to_start_without_its_public_address_iin_key_smtp_and_log_key() {
    let (dir, url) = temp_db("production");
    let run = |extra: &[(&str, &str)]| {
        let mut command = server();
        command
            .arg("migrate")
            .env("DATABASE_URL", &url)
            .env("DAUYS_ENV", "production")
            .env_remove("DAUYS_PUBLIC_URL")
            .env_remove("DAUYS_IIN_SECRET");
        for (name, value) in extra {
            command.env(name, value);
        }
        let output = command.output().expect("runs");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(&[]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("DAUYS_PUBLIC_URL"), "{stderr}");
    let public = ("DAUYS_PUBLIC_URL", "https://dauys.example.kz");
    let (code, stderr) = run(&[public]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("DAUYS_IIN_SECRET"), "{stderr}");
    let secret = (
        "DAUYS_IIN_SECRET",
        "a-production-secret-of-at-least-32-chars",
    );
    let (code, stderr) = run(&[public, secret]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("DAUYS_SMTP_URL"), "{stderr}");
    let smtp = ("DAUYS_SMTP_URL", "smtp://127.0.0.1:2525");
    let (code, stderr) = run(&[public, secret, smtp]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("DAUYS_LOG_KEY"), "{stderr}");
    let (code, stderr) = run(&[public, secret, smtp, ("DAUYS_LOG_KEY", "not a key")]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("DAUYS_LOG_KEY"), "{stderr}");
    let key = log_key();
    let (code, stderr) = run(&[public, secret, smtp, ("DAUYS_LOG_KEY", &key)]);
    assert_eq!(code, Some(0), "{stderr}");
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn grant_admin_makes_a_registered_account_the_first_admin() {
    use app::server::{db, services::accounts};
    let (dir, url) = temp_db("admin");
    let migrate = server()
        .arg("seed")
        .env("DATABASE_URL", &url)
        .output()
        .expect("runs");
    assert!(migrate.status.success());
    let connection = db::connect(&url).await.expect("connects");
    accounts::register(
        &connection,
        accounts::RegisterForm {
            email: "first.admin@example.kz".into(),
            password: "steppe-wind-over-ulytau".into(),
            display_name: "First Admin".into(),
            region_kato: "11".into(),
            language: app::i18n::Locale::Kk,
        },
    )
    .await
    .expect("registers");
    connection.close().await.ok();

    let grant = |email: &str| {
        server()
            .args(["grant-admin", email])
            .env("DATABASE_URL", &url)
            .output()
            .expect("runs")
    };
    let unknown = grant("nobody@example.kz");
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("register it on the site first"));
    let granted = grant("first.admin@example.kz");
    assert!(granted.status.success());
    assert!(String::from_utf8_lossy(&granted.stdout).contains("is an admin from today"));
    let again = grant("FIRST.ADMIN@example.kz");
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("already an admin"));

    let connection = db::connect(&url).await.expect("connects");
    let holders = app::server::services::roles::list(
        &connection,
        None,
        None,
        app::server::services::today(),
        true,
    )
    .await
    .expect("lists");
    // The seeded deputies hold grants too; the admins are the ones looked at.
    let holders: Vec<_> = holders
        .into_iter()
        .filter(|g| g.role == app::model::Role::Admin)
        .collect();
    assert_eq!(holders.len(), 1);
    assert_eq!(holders[0].holder_email, "first.admin@example.kz");
    assert_eq!(holders[0].role, app::model::Role::Admin);
    connection.close().await.ok();
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn without_dauys_env_the_server_is_production_and_refuses_to_start_without_secrets() {
    let (dir, url) = temp_db("default-production");
    let output = server()
        .env_remove("DAUYS_ENV")
        .env_remove("DAUYS_PUBLIC_URL")
        .env_remove("DAUYS_IIN_SECRET")
        .env("DATABASE_URL", &url)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("required when DAUYS_ENV=production"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_fixture_commands_refuse_a_production_configuration() {
    let (dir, url) = temp_db("fixtures-production");
    let key = log_key();
    for args in [
        &["citizens", "load", "3", "--iin"][..],
        &["set-threshold", "akimat", "regional", "10"][..],
    ] {
        let output = server()
            .args(args)
            .env("DATABASE_URL", &url)
            .env("DAUYS_ENV", "production")
            .env("DAUYS_PUBLIC_URL", "https://dauys.example.kz")
            .env(
                "DAUYS_IIN_SECRET",
                "a-production-secret-of-at-least-32-chars",
            )
            .env("DAUYS_SMTP_URL", "smtp://127.0.0.1:2525")
            .env("DAUYS_LOG_KEY", &key)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("refuses a production configuration"),
            "{stderr}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}
