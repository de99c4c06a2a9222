//! Headless Chromium (Debian's `chromium`) loads the real server's home page in both languages; the
//! rendered DOM must carry the Bengali (or English) text, and screenshots are kept for people to look at.

use std::path::PathBuf;
use std::process::Command;

use crate::server::TestServer;

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
