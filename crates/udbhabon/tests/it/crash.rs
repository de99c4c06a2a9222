//! The real binary through bad days: two servers starting together on one empty database, a server
//! killed outright while officers write, and an installation backed up while it serves and restored
//! elsewhere, page for page.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use scraper::Html;
use udbhabon_i18n::{Lang, format};

use crate::cli::udbhabon;
use crate::server::{DEMO_PASSWORD, attribute, texts};

const SECRETARY: &str = "member-secretary@demo.udbhabon.test";

/// A server process and the address it serves on.
struct Running {
    child: Child,
    base: String,
    /// Where its log goes (a pipe nobody reads would fill and stall it).
    _log: tempfile::NamedTempFile,
}

impl Running {
    /// Starts `udbhabon serve` on a free port with these settings; waits until it serves.
    fn start(settings: &[&str]) -> Self {
        let log = tempfile::NamedTempFile::new().unwrap();
        let mut child = udbhabon()
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(settings)
            .env("UDBHABON_REMINDERS_EVERY_MINUTES", "0")
            .stdout(Stdio::piped())
            .stderr(log.reopen().unwrap())
            .spawn()
            .expect("the binary runs");
        let mut lines = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        lines.read_line(&mut line).unwrap();
        if !line.contains("serving on http://") {
            let errors = std::fs::read_to_string(log.path()).unwrap_or_default();
            panic!("the server did not start: {line} {errors}");
        }
        // Whatever else it prints is read and dropped.
        std::thread::spawn(move || std::io::copy(&mut lines, &mut std::io::sink()));
        let base = format!("http://{}", line.trim().rsplit("http://").next().unwrap());
        Self {
            child,
            base,
            _log: log,
        }
    }

    /// Ends the process at once, as a power cut or the OOM killer would.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser signed in as `email` on `base`, with its CSRF token; it does not follow redirects.
async fn browser(base: &str, email: &str) -> (reqwest::Client, String) {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = |body: String| Html::parse_document(&body);
    let login = client.get(format!("{base}/login")).send().await.unwrap();
    let form = page(login.text().await.unwrap());
    let token = attribute(&form, "input[name=form_token]", "value");
    let signed = client
        .post(format!("{base}/login"))
        .form(&[
            ("email", email),
            ("password", DEMO_PASSWORD),
            ("form_token", token.as_str()),
            ("next", "/account"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), 303, "{email} signs in");
    let account = client.get(format!("{base}/account")).send().await.unwrap();
    let csrf = attribute(
        &page(account.text().await.unwrap()),
        "input[name=csrf]",
        "value",
    );
    (client, csrf)
}

async fn body(client: &reqwest::Client, url: &str) -> String {
    let response = client.get(url).send().await.unwrap();
    assert_eq!(response.status(), 200, "GET {url}");
    response.text().await.unwrap()
}

/// A fresh PostgreSQL database on the configured test server, when there is one.
async fn empty_postgres(name: &str) -> Option<String> {
    use sea_orm::ConnectionTrait;
    let admin_url = std::env::var("UDBHABON_TEST_POSTGRES").ok()?;
    // Named like the storage contract's databases, whose suite drops those of finished runs.
    let name = format!("udbhabon_t{}_crash_{name}", std::process::id());
    let admin = sea_orm::Database::connect(&admin_url).await.unwrap();
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let (server, _) = admin_url.rsplit_once('/').unwrap();
    Some(format!("{server}/{name}"))
}

#[tokio::test]
async fn two_servers_starting_together_on_an_empty_database_both_serve_it() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap().to_owned();
    let mut places = vec![vec!["--data-dir".to_owned(), data_dir]];
    if let Some(url) = empty_postgres("start").await {
        places.push(vec!["--database-url".to_owned(), url]);
    }
    for place in places {
        let settings: Vec<&str> = place.iter().map(String::as_str).collect();
        let (first, second) = std::thread::scope(|scope| {
            let first = scope.spawn(|| Running::start(&settings));
            let second = scope.spawn(|| Running::start(&settings));
            (first.join().unwrap(), second.join().unwrap())
        });
        let client = reqwest::Client::new();
        for server in [&first, &second] {
            let home = body(&client, &format!("{}/", server.base)).await;
            assert!(home.contains("শ্রম ও কর্মসংস্থান মন্ত্রণালয়"), "{settings:?}");
        }
        let (ok, out) = {
            let output = udbhabon().args(["demo"]).args(&settings).output().unwrap();
            (
                output.status.success(),
                String::from_utf8_lossy(&output.stdout).into_owned(),
            )
        };
        assert!(
            ok && out.contains("already loaded"),
            "the demo was loaded once: {out}"
        );
    }
}

#[tokio::test]
async fn memo_numbers_acknowledged_before_a_kill_are_all_there_after_it() {
    let data = tempfile::tempdir().unwrap();
    let settings = ["--data-dir", data.path().to_str().unwrap()];
    let server = Running::start(&settings);
    let (client, csrf) = browser(&server.base, SECRETARY).await;
    let until = Instant::now() + Duration::from_millis(1500);
    let writers: Vec<_> = (0..4)
        .map(|writer| {
            let (client, csrf, url) = (
                client.clone(),
                csrf.clone(),
                format!("{}/offices/mole/memos", server.base),
            );
            tokio::spawn(async move {
                let mut acknowledged = Vec::new();
                let mut serial = 0;
                while Instant::now() < until {
                    serial += 1;
                    let purpose = format!("পরীক্ষা {writer}-{serial}");
                    let Ok(response) = client
                        .post(&url)
                        .form(&[
                            ("csrf", csrf.as_str()),
                            ("file", "1"),
                            ("purpose_bn", &purpose),
                        ])
                        .send()
                        .await
                    else {
                        break;
                    };
                    let location = response
                        .headers()
                        .get("location")
                        .and_then(|value| value.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    if let Some(number) = location.strip_prefix("/offices/mole/memos?taken=") {
                        acknowledged.push(number.to_owned());
                    }
                }
                acknowledged
            })
        })
        .collect();
    // Killed while the writers are still at it.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    server.kill();
    let mut acknowledged = Vec::new();
    for writer in writers {
        acknowledged.extend(writer.await.unwrap());
    }
    assert!(
        acknowledged.len() > 20,
        "{} numbers taken",
        acknowledged.len()
    );

    let server = Running::start(&settings);
    let (client, _) = browser(&server.base, SECRETARY).await;
    let register =
        Html::parse_document(&body(&client, &format!("{}/offices/mole/memos", server.base)).await);
    let listed = texts(&register, "table.register td.memo");
    let mut unique = listed.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), listed.len(), "no number was given twice");
    for number in &acknowledged {
        let shown = format::digits(Lang::Bn, number);
        assert!(
            listed.contains(&shown),
            "{shown} was acknowledged and then lost"
        );
    }
}

/// What the pages that matter show, without what changes from one request to the next.
async fn pages(base: &str) -> Vec<String> {
    let (client, _) = browser(base, SECRETARY).await;
    let mut shown = Vec::new();
    for path in [
        "/",
        "/team",
        "/meetings/mole-egov-2022-23-review-1",
        "/decisions",
        "/decisions/1",
        "/offices/mole/memos",
        "/plans?office=mole",
        "/innovations?office=mole",
    ] {
        let page = Html::parse_document(&body(&client, &format!("{base}{path}")).await);
        shown.push(texts(&page, "main").join("\n"));
    }
    shown
}

/// A one-page PDF, enough for the file store to take it as evidence.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

fn restored(settings: &[&str], archive: &Path) -> String {
    let output = udbhabon()
        .arg("restore")
        .arg(archive)
        .args(settings)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_elsewhere_to_the_same_pages() {
    let work = tempfile::tempdir().unwrap();
    let folder = |name: &str| work.path().join(name).to_str().unwrap().to_owned();
    let mut installations = vec![(
        vec!["--data-dir".to_owned(), folder("source")],
        vec!["--data-dir".to_owned(), folder("restored")],
    )];
    if let (Some(from), Some(to)) = (
        empty_postgres("backup_from").await,
        empty_postgres("backup_to").await,
    ) {
        installations.push((
            vec![
                "--database-url".to_owned(),
                from,
                "--data-dir".to_owned(),
                folder("pg-source"),
            ],
            vec![
                "--database-url".to_owned(),
                to,
                "--data-dir".to_owned(),
                folder("pg-restored"),
            ],
        ));
    }
    for (source, target) in installations {
        let source: Vec<&str> = source.iter().map(String::as_str).collect();
        let target: Vec<&str> = target.iter().map(String::as_str).collect();
        let server = Running::start(&source);
        // Evidence in the file store: a report on a decision with a PDF.
        let (client, csrf) = browser(&server.base, SECRETARY).await;
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf)
            .text("status", "in_progress")
            .text("note", "কাজ চলছে; হাজিরা সংযুক্ত।")
            .part(
                "files",
                reqwest::multipart::Part::bytes(PDF).file_name("attendance.pdf"),
            );
        let reported = client
            .post(format!("{}/decisions/1/updates", server.base))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(reported.status(), 303);
        let before = pages(&server.base).await;
        let archive = work
            .path()
            .join(format!("backup-{}.tar", before.len() + source.len()));
        let output = udbhabon()
            .args(["backup", "--out"])
            .arg(&archive)
            .args(&source)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("1 evidence file(s)"),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        );
        drop(server);

        let said = restored(&target, &archive);
        assert!(
            said.contains("is intact") && said.contains("1 evidence file(s)"),
            "{said}"
        );
        let again = udbhabon()
            .arg("restore")
            .arg(&archive)
            .args(&target)
            .output()
            .unwrap();
        assert!(
            !again.status.success(),
            "a second restore into the same place is refused"
        );
        assert!(String::from_utf8_lossy(&again.stderr).contains("nothing was restored"));

        let server = Running::start(&target);
        assert_eq!(pages(&server.base).await, before, "{target:?}");
        let (client, _) = browser(&server.base, SECRETARY).await;
        let decision =
            Html::parse_document(&body(&client, &format!("{}/decisions/1", server.base)).await);
        let evidence = attribute(&decision, "a[href*='/evidence/']", "href");
        let file = client
            .get(format!("{}{evidence}", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(
            file.bytes().await.unwrap().as_ref(),
            PDF,
            "the evidence came back"
        );
    }
}
