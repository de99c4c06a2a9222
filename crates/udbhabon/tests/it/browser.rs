//! Headless Chromium (Debian's `chromium`) loads the real server's home page in both languages; the
//! rendered DOM must carry the Bengali (or English) text. Every public page passes axe-core on a
//! 360-pixel phone in both languages (through `tests/browser/axe.mjs`, which npm installs from its
//! lock file), and screenshots are kept for people to look at.

use std::path::PathBuf;
use std::process::Command;

use udbhabon_web::{Access, ROUTES};

use crate::server::{DEMO_PASSWORD, TestServer};

fn chromium() -> String {
    std::env::var("UDBHABON_CHROMIUM").unwrap_or_else(|_| "chromium".to_owned())
}

/// Runs headless Chromium on `url` with the flags this machine's closed network needs.
fn headless(url: &str, action: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=412,915",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(action)
        .arg(url)
        .output()
        .expect("Chromium runs (install it: apt-get install chromium, or run scripts/test)");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn chromium_shows_the_home_page_in_bengali_and_after_the_switch_in_english() {
    let server = TestServer::start().await;
    let base = server.base.clone();
    let (bengali, english) = tokio::task::spawn_blocking(move || {
        let bengali = headless(&format!("{base}/"), &["--dump-dom"]);
        // The switch link sets the cookie and redirects back, as a reader's click does.
        let english = headless(&format!("{base}/lang/en?back=/"), &["--dump-dom"]);
        let shots = screenshot_dir();
        headless(
            &format!("{base}/"),
            &[&format!(
                "--screenshot={}",
                shots.join("home-bn-phone.png").display()
            )],
        );
        headless(
            &format!("{base}/lang/en?back=/teams/mole-innovation-team"),
            &[&format!(
                "--screenshot={}",
                shots.join("team-en-phone.png").display()
            )],
        );
        (bengali, english)
    })
    .await
    .unwrap();
    assert!(bengali.contains("lang=\"bn\""), "{bengali}");
    for words in [
        "শ্রম ও কর্মসংস্থান মন্ত্রণালয়",
        "ইনোভেশন টিম",
        "চিফ ইনোভেশন অফিসার",
        "সর্বশেষ সভা",
    ] {
        assert!(
            bengali.contains(words),
            "the Bengali home page lacks {words}"
        );
    }
    assert!(english.contains("lang=\"en\""), "{english}");
    assert!(
        english.contains("Ministry of Labour and Employment") && english.contains("Latest meeting"),
        "{english}"
    );
    assert!(
        english.contains(">বাংলা<"),
        "the English page offers Bengali back"
    );
    assert!(screenshot_dir().join("home-bn-phone.png").exists());
}

/// The browser checks' folder, its npm packages installed.
fn checks() -> PathBuf {
    let checks = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        checks.join("node_modules/@axe-core/playwright").exists(),
        "the browser checks are not installed: run scripts/test, or npm ci in {}",
        checks.display()
    );
    checks
}

/// Runs the browser check `script` with `base` and `paths`, signed in with `session` when given;
/// returns what it printed, as JSON.
fn run_check(script: &str, base: &str, session: Option<&str>, paths: &[&str]) -> serde_json::Value {
    let mut command = Command::new("node");
    command
        .arg(checks().join(script))
        .arg(base)
        .args(paths)
        .env("UDBHABON_CHROMIUM", chromium_path())
        .env("UDBHABON_SCREENSHOTS", screenshot_dir());
    if let Some(session) = session {
        command.env("UDBHABON_SESSION", session);
    }
    let output = command
        .output()
        .expect("Node.js runs (install it: apt-get install nodejs npm, or run scripts/test)");
    assert!(
        output.status.success(),
        "{script} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the checks print JSON")
}

/// What a page of another origin shows when it frames each of `paths`: the framed page's heading, or
/// null where the browser refused to frame it.
pub(crate) fn framed(base: &str, paths: &[&str]) -> serde_json::Value {
    run_check("framed.mjs", base, None, paths)
}

/// Runs axe-core in headless Chromium over `paths` of the server at `base`, in Bengali and English on a
/// 360-pixel phone, keeping a screenshot of each; fails on any serious or critical violation, on a
/// page wider than the phone, and on a page that does not answer 200.
pub(crate) fn assert_accessible(base: &str, paths: &[&str]) {
    assert_accessible_as(base, None, paths);
}

/// [`assert_accessible`], read by the holder of the session cookie `session` when given.
fn assert_accessible_as(base: &str, session: Option<&str>, paths: &[&str]) {
    let problems = run_check("axe.mjs", base, session, paths);
    assert_eq!(
        problems.as_array().map(Vec::len),
        Some(0),
        "{}",
        serde_json::to_string_pretty(&problems).unwrap()
    );
}

/// Chromium's full path, which the checks launch directly.
fn chromium_path() -> String {
    let name = chromium();
    if name.contains('/') {
        return name;
    }
    std::env::var_os("PATH")
        .and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(&name))
                .find(|path| path.is_file())
        })
        .map_or(name, |path| path.display().to_string())
}

/// The samples of the GET routes whose access `reader_may` takes that answer `server`'s reader with
/// a whole page: not a file, a feed, a fragment, or a redirect elsewhere.
async fn whole_pages(
    server: &TestServer,
    reader_may: impl Fn(Access) -> bool,
) -> Vec<&'static str> {
    let mut pages = Vec::new();
    for route in ROUTES
        .iter()
        .filter(|route| route.method == "GET" && reader_may(route.access))
    {
        let response = server.get(route.sample).await;
        let stayed = response.url().path() == route.sample.split('?').next().unwrap();
        if response.status() == 200
            && stayed
            && response
                .text()
                .await
                .unwrap()
                .starts_with("<!DOCTYPE html>")
        {
            pages.push(route.sample);
        }
    }
    pages
}

#[tokio::test]
async fn every_public_page_passes_axe_core_on_a_phone_in_both_languages() {
    let server = TestServer::start().await;
    let pages = whole_pages(&server, |access| access == Access::Public).await;
    for portal in [
        "/offices/mole/charter",
        "/offices/mole/services",
        "/offices/mole/notices",
        "/offices/mole/feedback",
        "/showcase",
    ] {
        assert!(pages.contains(&portal), "{portal} not among {pages:?}");
    }
    let base = server.base.clone();
    tokio::task::spawn_blocking(move || assert_accessible(&base, &pages))
        .await
        .unwrap();
}

#[tokio::test]
async fn every_page_the_member_secretary_opens_passes_axe_core_on_a_phone() {
    let server = TestServer::start().await;
    assert_eq!(
        server
            .sign_in("member-secretary@demo.udbhabon.test", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    // The home page, with the inbox a signed-in reader sees, and every page behind sign-in.
    let mut pages = vec!["/"];
    pages.extend(whole_pages(&server, |access| access != Access::Public).await);
    for signed_in in [
        "/notifications",
        "/plans/1",
        "/decisions?held_by=mole",
        "/offices/mole/memos",
    ] {
        assert!(
            pages.contains(&signed_in),
            "{signed_in} not among {pages:?}"
        );
    }
    let cookies = server.cookie_header();
    let session = cookies
        .split("; ")
        .find_map(|cookie| cookie.strip_prefix("udbhabon_session="))
        .expect("a session cookie")
        .to_owned();
    let base = server.base.clone();
    tokio::task::spawn_blocking(move || assert_accessible_as(&base, Some(&session), &pages))
        .await
        .unwrap();
}
