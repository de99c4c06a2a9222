//! The binary from its command line: each bad input gets one clear sentence and a non-zero exit,
//! and nothing is half written.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

pub(crate) fn udbhabon() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_udbhabon"));
    // The tests' own environment must not leak settings into the binary.
    for (name, _) in std::env::vars() {
        if name.starts_with("UDBHABON_") && name != "UDBHABON_FONTS_DIR" {
            command.env_remove(name);
        }
    }
    command
}

pub(crate) fn run(command: &mut Command) -> (bool, String, String) {
    let output = command.output().expect("the binary runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn demo_loads_once_and_a_second_run_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let (ok, out, err) = run(udbhabon().args(["demo", "--data-dir"]).arg(data.path()));
    assert!(ok, "{err}");
    assert!(
        out.contains("Loaded the demo data: 12 offices, 3 meeting(s), 13 demo accounts."),
        "{out}"
    );
    let (ok, out, _) = run(udbhabon().args(["demo", "--data-dir"]).arg(data.path()));
    assert!(ok);
    assert!(out.contains("already loaded"), "{out}");
    let (ok, out, _) = run(udbhabon().args(["migrate", "--data-dir"]).arg(data.path()));
    assert!(ok);
    assert!(out.contains("up to date"), "{out}");
}

#[test]
fn a_data_directory_that_cannot_be_written_is_named_with_the_fix() {
    let data = tempfile::tempdir().unwrap();
    let blocker = data.path().join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let (ok, _, err) = run(udbhabon()
        .arg("migrate")
        .arg("--data-dir")
        .arg(blocker.join("inside")));
    assert!(!ok);
    assert!(
        err.contains("cannot be written") && err.contains("--data-dir"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_corrupt_or_missing_configuration_file_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("udbhabon.toml");
    std::fs::write(&config, "listen = \"not an address\"\n").unwrap();
    let (ok, _, err) = run(udbhabon().arg("migrate").arg("--config").arg(&config));
    assert!(!ok);
    assert!(
        err.contains("configuration is not valid") && err.contains("listen"),
        "{err}"
    );
    std::fs::write(&config, "colour = \"green\"\n").unwrap();
    let (ok, _, err) = run(udbhabon().arg("migrate").arg("--config").arg(&config));
    assert!(!ok);
    assert!(err.contains("colour"), "{err}");
    let (ok, _, err) = run(udbhabon()
        .arg("migrate")
        .arg("--config")
        .arg(dir.path().join("absent.toml")));
    assert!(!ok);
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn an_unreachable_postgresql_is_reported_with_the_url_and_the_fix() {
    let (ok, _, err) = run(udbhabon().args([
        "migrate",
        "--database-url",
        "postgres://someone:secret@127.0.0.1:1/nowhere",
    ]));
    assert!(!ok);
    assert!(
        err.contains("cannot open the database at postgres://someone:***@127.0.0.1:1/nowhere"),
        "{err}"
    );
    assert!(!err.contains("secret"), "{err}");
}

#[test]
fn a_malformed_demo_file_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("broken.toml");
    // Valid TOML whose second office names a parent that does not exist: it fails after the first
    // office was inserted, so the transaction must undo it.
    std::fs::write(
        &file,
        "version = 1\ntop_office = \"a\"\ndesignations = []\n[[offices]]\nkey = \"a\"\nkind = \"ministry\"\nbn = \"ক\"\nen = \"A\"\n\
         [[offices]]\nkey = \"b\"\nkind = \"department\"\nbn = \"খ\"\nen = \"B\"\nparent = \"missing\"\n",
    )
    .unwrap();
    let (ok, _, err) = run(udbhabon()
        .args(["demo", "--file"])
        .arg(&file)
        .arg("--data-dir")
        .arg(data.path()));
    assert!(!ok);
    assert!(
        err.contains("office \"b\" refers to office \"missing\""),
        "{err}"
    );
    std::fs::write(&file, "version = 1\n[[offices]\n").unwrap();
    let (ok, _, err) = run(udbhabon()
        .args(["demo", "--file"])
        .arg(&file)
        .arg("--data-dir")
        .arg(data.path()));
    assert!(!ok);
    assert!(err.contains("cannot be read"), "{err}");
    // Nothing was written: the built-in demo data still loads into the same database.
    let (ok, out, err) = run(udbhabon().args(["demo", "--data-dir"]).arg(data.path()));
    assert!(ok, "{err}");
    assert!(out.contains("Loaded the demo data"), "{out}");
}

#[test]
fn the_help_explains_the_commands_and_the_two_settings_operators_rely_on() {
    let (ok, out, _) = run(udbhabon().arg("--help"));
    assert!(ok);
    for word in [
        "serve",
        "migrate",
        "demo",
        "--data-dir",
        "UDBHABON_DATA_DIR",
    ] {
        assert!(out.contains(word), "--help lacks {word}:\n{out}");
    }
    let (_, out, _) = run(udbhabon().args(["serve", "--help"]));
    assert!(
        out.contains("--listen")
            && out.contains("UDBHABON_LISTEN")
            && out.contains("127.0.0.1:8080"),
        "{out}"
    );
}

#[test]
fn serve_loads_the_demo_into_a_new_database_and_stops_cleanly_on_sigterm() {
    let data = tempfile::tempdir().unwrap();
    let mut child = udbhabon()
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line.trim().rsplit("http://").next().unwrap().to_owned();
    let body = std::process::Command::new("curl")
        .args(["-s", &format!("http://{address}/")])
        .output();
    if let Ok(output) = body {
        assert!(String::from_utf8_lossy(&output.stdout).contains("শ্রম ও কর্মসংস্থান মন্ত্রণালয়"));
    }
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "serve exits cleanly on SIGTERM: {exit:?}");
}

#[test]
fn user_create_makes_an_administrator_and_refuses_a_duplicate_or_weak_password() {
    let data = tempfile::tempdir().unwrap();
    let (ok, _, err) = run(udbhabon().args(["demo", "--data-dir"]).arg(data.path()));
    assert!(ok, "{err}");
    let create = |email: &str, password: &str| {
        let mut child = udbhabon()
            .args([
                "user",
                "create",
                "--admin",
                "--email",
                email,
                "--name-bn",
                "নতুন প্রশাসক",
                "--name-en",
                "New Administrator",
                "--password-stdin",
                "--data-dir",
            ])
            .arg(data.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        let output = child.wait_with_output().unwrap();
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (ok, out, err) = create("it-admin@mole.gov.bd", "a-long-enough-password");
    assert!(ok, "{err}");
    assert!(
        out.contains("Created the account it-admin@mole.gov.bd."),
        "{out}"
    );
    let (ok, _, err) = create("it-admin@mole.gov.bd", "a-long-enough-password");
    assert!(!ok);
    assert!(
        err.contains("An account with this email already exists"),
        "{err}"
    );
    let (ok, _, err) = create("someone-else@mole.gov.bd", "short");
    assert!(!ok);
    assert!(err.contains("at least 10 characters"), "{err}");
    let (ok, out, err) = run(udbhabon()
        .args([
            "user",
            "create",
            "--email",
            "viewer@mole.gov.bd",
            "--name-bn",
            "দর্শক",
            "--name-en",
            "Viewer",
            "--role",
            "viewer:dife",
            "--data-dir",
        ])
        .arg(data.path()));
    assert!(ok, "{err}");
    assert!(
        out.contains("Its password is: "),
        "a password is generated and shown once: {out}"
    );
    let (ok, _, err) = run(udbhabon()
        .args([
            "user",
            "create",
            "--email",
            "x@mole.gov.bd",
            "--name-bn",
            "ক",
            "--name-en",
            "X",
            "--role",
            "king:dife",
            "--data-dir",
        ])
        .arg(data.path()));
    assert!(!ok);
    assert!(
        err.contains("--role king:dife") && err.contains("not a known role"),
        "{err}"
    );
}

#[tokio::test]
async fn audit_verify_passes_an_intact_trail_and_names_the_first_tampered_entry() {
    use sea_orm::ConnectionTrait;
    let data = tempfile::tempdir().unwrap();
    let (ok, _, err) = run(udbhabon().args(["demo", "--data-dir"]).arg(data.path()));
    assert!(ok, "{err}");
    let (ok, out, err) = run(udbhabon()
        .args(["audit", "verify", "--data-dir"])
        .arg(data.path()));
    assert!(ok, "{err}");
    assert!(
        out.starts_with("The audit trail is intact: ") && out.contains(" entries."),
        "{out}"
    );

    // Someone with access to the database file removes the protection and edits the fifth entry.
    let url = format!(
        "sqlite://{}?mode=rw",
        data.path().join("udbhabon.sqlite").display()
    );
    let db = sea_orm::Database::connect(url).await.unwrap();
    let refused = db
        .execute_unprepared("UPDATE audit_entry SET actor = 'someone else' WHERE id = 5")
        .await;
    assert!(refused.is_err(), "the database itself refuses edits");
    db.execute_unprepared("DROP TRIGGER audit_entry_no_update")
        .await
        .unwrap();
    db.execute_unprepared("UPDATE audit_entry SET actor = 'someone else' WHERE id = 5")
        .await
        .unwrap();
    db.close().await.unwrap();

    let (ok, _, err) = run(udbhabon()
        .args(["audit", "verify", "--data-dir"])
        .arg(data.path()));
    assert!(!ok);
    assert!(
        err.contains("the audit trail is broken at entry #5") && err.contains("no longer match"),
        "{err}"
    );
}

#[test]
fn template_load_takes_a_year_once_and_names_each_problem_of_a_wrong_file() {
    let data = tempfile::tempdir().unwrap();
    let good = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/templates/egov-2022-23.toml"
    );
    let (ok, out, err) = run(udbhabon()
        .args(["template", "load", good, "--data-dir"])
        .arg(data.path()));
    assert!(ok, "{err}");
    assert!(
        out.contains("Loaded the plan template egov-2022-23."),
        "{out}"
    );
    let (ok, _, err) = run(udbhabon()
        .args(["template", "load", good, "--data-dir"])
        .arg(data.path()));
    assert!(!ok);
    assert!(
        err.contains("the template egov-2022-23 is loaded already"),
        "{err}"
    );

    // Next year's template starts as a copy with every date a year on, and loads once edited.
    let next = data.path().join("next.toml");
    let (ok, _, err) = run(udbhabon()
        .args([
            "template",
            "copy",
            "egov-2022-23",
            "--to",
            "egov-2023-24",
            "--fiscal-year",
            "2023-24",
            "--out",
        ])
        .arg(&next)
        .arg("--data-dir")
        .arg(data.path()));
    assert!(ok, "{err}");
    let copied = std::fs::read_to_string(&next).unwrap();
    assert!(
        copied.contains("2023-10-15") && !copied.contains("2022-10-15"),
        "{copied}"
    );
    std::fs::write(&next, copied.replacen("target = 4", "target = 5", 1)).unwrap();
    let (ok, out, err) = run(udbhabon()
        .args(["template", "load"])
        .arg(&next)
        .arg("--data-dir")
        .arg(data.path()));
    assert!(ok, "{err}");
    assert!(
        out.contains("Loaded the plan template egov-2023-24."),
        "{out}"
    );

    let wrong = data.path().join("wrong.toml");
    let text = std::fs::read_to_string(good)
        .unwrap()
        .replace("key = \"egov-2022-23\"", "key = \"egov-wrong\"")
        .replacen("weight = 8", "weight = 9", 1)
        .replacen(
            "bands = [80, 70, 60, 50, 40]",
            "bands = [80, 90, 60, 50, 40]",
            1,
        );
    std::fs::write(&wrong, text).unwrap();
    let (ok, _, err) = run(udbhabon()
        .args(["template", "load"])
        .arg(&wrong)
        .arg("--data-dir")
        .arg(data.path()));
    assert!(!ok);
    assert!(
        err.contains(
            "area ১: The indicators of this area add up to 26.00 marks, but the area has 25.00."
        ),
        "{err}"
    );
    assert!(
        err.contains("indicator ২.১.১: targets: The five graded targets are out of order"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn the_national_tree_generates_once_in_one_audited_step() {
    let data = tempfile::tempdir().unwrap();
    let generate = || {
        run(udbhabon()
            .args([
                "demo",
                "--national",
                "--ministries",
                "1",
                "--agencies",
                "1",
                "--data-dir",
            ])
            .arg(data.path()))
    };
    let (ok, out, err) = generate();
    assert!(ok, "{err}");
    assert!(out.contains("Loaded the demo data"), "{out}");
    assert!(
        out.contains("Generated the national tree: 569 offices, 569 plans,"),
        "{out}"
    );
    let (ok, out, _) = generate();
    assert!(ok);
    assert!(
        out.contains("The national tree is already generated; nothing changed."),
        "{out}"
    );
    let (ok, out, err) = run(udbhabon()
        .args(["audit", "verify", "--data-dir"])
        .arg(data.path()));
    assert!(ok, "{out}{err}");
    let (ok, _, err) = run(udbhabon()
        .args(["demo", "--agencies", "3", "--data-dir"])
        .arg(data.path()));
    assert!(!ok);
    assert!(err.contains("--national"), "{err}");
}
