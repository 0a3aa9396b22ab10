//! The `server` binary as an operator meets it: exit codes and messages for a database that
//! cannot be used, the `migrate` and `seed` sub-commands, and a graceful stop on SIGTERM.

use std::{
    net::TcpListener,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

fn server() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command.env("RUST_LOG", "error").env_remove("DAUYS_ENV");
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
