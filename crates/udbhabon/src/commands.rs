//! The commands: `serve` (with the reminder job), `migrate`, `setup`, `offices import`, `remind`, `demo`
//! and the rest.

use std::sync::Arc;

use udbhabon_core::account::AccountRequest;
use udbhabon_core::admin::offices::{ImportOutcome, TreeTable};
use udbhabon_core::admin::setup::Setup;
use udbhabon_core::demo::{
    DemoOutcome, NationalOutcome, NationalSize, load_demo, load_demo_file, load_national,
};
use udbhabon_core::{App, ChainCheck, Error, Settings, SystemClock};
use udbhabon_domain::account::access::Role;
use udbhabon_domain::office::OfficeFields;
use udbhabon_domain::{Bilingual, FieldError, ValidationErrors};
use udbhabon_web::{AppState, router};

use crate::cli::{AuditCommand, Command, OfficesCommand, SetupArgs, TemplateCommand, UserCommand};
use crate::config::Config;

pub(crate) async fn run(command: Command, config: Config) -> Result<(), String> {
    match command {
        Command::Serve { .. } => serve(config).await,
        Command::Migrate => {
            let app = open(&config).await?;
            let applied = app
                .migrate()
                .await
                .map_err(|error| explain(&config, error))?;
            if applied.is_empty() {
                println!("The database is up to date.");
            } else {
                println!(
                    "Applied {} migration(s): {}",
                    applied.len(),
                    applied.join(", ")
                );
            }
            Ok(())
        }
        Command::Remind => {
            let app = ready(&config).await?;
            let run = app
                .run_jobs()
                .await
                .map_err(|error| explain(&config, error))?;
            println!(
                "Sent {} reminder(s); {} had been sent before.",
                run.sent, run.already_sent
            );
            Ok(())
        }
        Command::Setup(setup) => set_up(&config, setup).await,
        Command::Offices(OfficesCommand::Import { file }) => {
            let bytes = std::fs::read(&file)
                .map_err(|error| format!("the file {} cannot be read ({error})", file.display()))?;
            let app = ready(&config).await?;
            let outcome = app
                .import_tree_by_operator(
                    &bytes,
                    &format!("udbhabon offices import {}", file.display()),
                )
                .await
                .map_err(|error| explain(&config, error))?;
            match outcome {
                ImportOutcome::Imported { table, rows } => {
                    let what = match table {
                        TreeTable::Offices => "offices",
                        TreeTable::Units => "units",
                    };
                    println!("Imported {rows} {what} from {}.", file.display());
                    Ok(())
                }
                ImportOutcome::Rejected { problems } => Err(format!(
                    "nothing was imported from {}: {}",
                    file.display(),
                    problems
                        .iter()
                        .map(|(line, problem)| format!("line {line}: {}", describe_one(problem)))
                        .collect::<Vec<_>>()
                        .join("; ")
                )),
            }
        }
        Command::User(UserCommand::Create {
            email,
            name_bn,
            name_en,
            phone,
            admin,
            roles,
            password_stdin,
        }) => {
            let app = ready(&config).await?;
            let password = Password::read_or_generate(&app, password_stdin)?;
            let mut grants = Vec::new();
            for role in &roles {
                grants.push(parse_role(role)?);
            }
            if admin {
                let top = app
                    .top_office()
                    .await
                    .map_err(|error| explain(&config, error))?
                    .ok_or("there are no offices yet: set the installation up first (udbhabon setup --help)")?;
                grants.push((Role::SystemAdministrator, top.key));
            }
            let request = AccountRequest {
                name: Bilingual::new(name_bn, name_en),
                email: email.clone(),
                password: password.text.clone(),
                phone,
                grants,
            };
            app.create_account(request, "udbhabon user create")
                .await
                .map_err(|error| match error {
                    Error::Invalid(errors) => {
                        format!("the account was not created: {}", describe(&errors))
                    }
                    other => explain(&config, other),
                })?;
            println!("Created the account {email}.");
            password.announce();
            Ok(())
        }
        Command::Audit(AuditCommand::Verify) => {
            let app = open(&config).await?;
            match app
                .verify_audit()
                .await
                .map_err(|error| explain(&config, error))?
            {
                ChainCheck::Intact { entries } => {
                    println!("The audit trail is intact: {entries} entries.");
                    Ok(())
                }
                ChainCheck::Broken {
                    entry_id,
                    at,
                    entity,
                    entity_id,
                    reason,
                } => Err(format!(
                    "the audit trail is broken at entry #{entry_id} ({entity} {entity_id}, {at}): {reason}"
                )),
            }
        }
        Command::Template(TemplateCommand::Load { file }) => {
            let text = std::fs::read_to_string(&file).map_err(|error| {
                format!(
                    "the template file {} cannot be read ({error})",
                    file.display()
                )
            })?;
            let app = ready(&config).await?;
            let key = app
                .load_plan_template(&text, &format!("udbhabon template load {}", file.display()))
                .await
                .map_err(|error| match error {
                    udbhabon_core::Error::Invalid(errors) => format!(
                        "the template in {} is not valid: {}",
                        file.display(),
                        describe(&errors)
                    ),
                    other => explain(&config, other),
                })?;
            println!("Loaded the plan template {key}.");
            Ok(())
        }
        Command::Template(TemplateCommand::Copy {
            key,
            new_key,
            fiscal_year,
            out,
        }) => {
            let app = ready(&config).await?;
            let text = app
                .copy_plan_template(&key, &new_key, &fiscal_year)
                .await
                .map_err(|error| explain(&config, error))?;
            match out {
                Some(path) => std::fs::write(&path, text).map_err(|error| {
                    format!(
                        "the template file {} cannot be written ({error})",
                        path.display()
                    )
                })?,
                None => print!("{text}"),
            }
            Ok(())
        }
        Command::Backup { out } => {
            let app = open(&config).await?;
            let out = out.unwrap_or_else(|| app.backup_file_name());
            let report = app
                .backup(&out)
                .await
                .map_err(|error| explain(&config, error))?;
            println!(
                "Wrote {} ({} bytes): the database with {} audit entries, and {} evidence file(s).",
                report.path.display(),
                report.bytes,
                report.audit_entries,
                report.files
            );
            Ok(())
        }
        Command::Restore { file } => {
            let settings = settings(&config)?;
            let report = udbhabon_core::backup::restore(&settings, Arc::new(SystemClock), &file)
                .await
                .map_err(|error| match error {
                    Error::Conflict(reason) | Error::DataFile(reason) => {
                        format!("nothing was restored: {reason}")
                    }
                    other => format!("the restore failed: {other}"),
                })?;
            println!(
                "Restored the backup of {}: the database reads whole, its audit trail of {} entries is intact, and all {} evidence file(s) are in place.",
                report.created_at.format("%Y-%m-%d %H:%M UTC"),
                report.audit_entries,
                report.files
            );
            if !report.migrations.is_empty() {
                println!("Brought it up to date: {}", report.migrations.join(", "));
            }
            Ok(())
        }
        Command::Demo {
            file,
            national,
            seed,
            ministries,
            agencies,
        } => {
            let app = ready(&config).await?;
            let outcome = match file {
                Some(path) => {
                    let text = std::fs::read_to_string(&path).map_err(|error| {
                        format!(
                            "the demo data file {} cannot be read ({error})",
                            path.display()
                        )
                    })?;
                    load_demo_file(&app, &text, &path.display().to_string()).await
                }
                None => load_demo(&app).await,
            }
            .map_err(|error| explain(&config, error))?;
            match outcome {
                DemoOutcome::Loaded {
                    offices,
                    meetings,
                    accounts,
                } => {
                    println!(
                        "Loaded the demo data: {offices} offices, {meetings} meeting(s), {accounts} demo accounts."
                    );
                }
                DemoOutcome::AlreadyLoaded => {
                    println!("The demo data is already loaded; nothing changed.")
                }
            }
            if national {
                let size = NationalSize {
                    tops: usize::from(ministries),
                    agencies: usize::from(agencies),
                };
                match load_national(&app, size, seed)
                    .await
                    .map_err(|error| explain(&config, error))?
                {
                    NationalOutcome::Generated {
                        offices,
                        plans,
                        entries,
                    } => println!(
                        "Generated the national tree: {offices} offices, {plans} plans, {entries} progress entries."
                    ),
                    NationalOutcome::AlreadyLoaded => {
                        println!("The national tree is already generated; nothing changed.")
                    }
                }
            }
            Ok(())
        }
    }
}

/// Reads ROLE:OFFICE_KEY.
fn parse_role(text: &str) -> Result<(Role, String), String> {
    let (role, office) = text.split_once(':').ok_or_else(|| {
        format!("--role {text}: write it as ROLE:OFFICE_KEY, e.g. member_secretary:mole")
    })?;
    let role = role
        .parse::<Role>()
        .map_err(|error| format!("--role {text}: {error}"))?;
    Ok((role, office.to_owned()))
}

/// The validation problems, in English, for the operator.
fn describe(errors: &ValidationErrors) -> String {
    errors
        .errors
        .iter()
        .map(describe_one)
        .collect::<Vec<_>>()
        .join("; ")
}

/// One field's problem, in English: "field: message".
fn describe_one(error: &FieldError) -> String {
    format!(
        "{}: {}",
        error.field,
        udbhabon_i18n::t_args(udbhabon_i18n::Lang::En, error.message_key, &error.args)
    )
}

/// A password for a new account: typed on standard input, or generated and shown once.
struct Password {
    text: String,
    generated: bool,
}

impl Password {
    fn read_or_generate(app: &App, from_stdin: bool) -> Result<Self, String> {
        if from_stdin {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).map_err(|error| {
                format!("cannot read the password from standard input ({error})")
            })?;
            Ok(Self {
                text: line.trim_end_matches(['\r', '\n']).to_owned(),
                generated: false,
            })
        } else {
            Ok(Self {
                text: app.generate_password().map_err(|error| error.to_string())?,
                generated: true,
            })
        }
    }

    /// Prints a generated password, the only time it is shown.
    fn announce(&self) {
        if self.generated {
            println!("Its password is: {}", self.text);
            println!("It is shown only now; sign in and change it under My account.");
        }
    }
}

/// `udbhabon setup`: the top office and the first administrator.
async fn set_up(config: &Config, args: SetupArgs) -> Result<(), String> {
    let app = ready(config).await?;
    let password = Password::read_or_generate(&app, args.password_stdin)?;
    let office = OfficeFields {
        key: args.office_key,
        kind: args.office_kind,
        name_bn: args.office_name_bn,
        name_en: args.office_name_en,
        short_name_en: args.office_short_name.unwrap_or_default(),
        memo_code: args.memo_code.unwrap_or_default(),
        website: args.website.unwrap_or_default(),
        ..OfficeFields::default()
    };
    let name = office.name_en.clone();
    let setup = Setup {
        office,
        administrator: AccountRequest {
            name: Bilingual::new(args.admin_name_bn, args.admin_name_en),
            email: args.admin_email.clone(),
            password: password.text.clone(),
            phone: args.admin_phone,
            grants: Vec::new(),
        },
    };
    app.set_up(setup, "udbhabon setup")
        .await
        .map_err(|error| match error {
            Error::Invalid(errors) => format!("nothing was set up: {}", describe(&errors)),
            other => explain(config, other),
        })?;
    println!(
        "Set up {name}, with {} as its system administrator; sign in at {}/login.",
        args.admin_email,
        config.public_url().trim_end_matches('/')
    );
    password.announce();
    Ok(())
}

/// The application's settings from the configuration, with the data directory ready.
fn settings(config: &Config) -> Result<Settings, String> {
    if config.database_url.trim().is_empty() {
        config.prepare_data_dir()?;
    }
    Ok(Settings {
        database_url: config.database_url(),
        fonts_dir: config.fonts_dir.clone(),
        mail: config.mail(),
        public_url: config.public_url(),
        files_dir: config.data_dir.join("files"),
        reminders: config.reminders(),
        training_hours_owed: config.training_hours_owed,
        video_bytes_most: config.video_upload_megabytes.saturating_mul(1024 * 1024),
    })
}

/// Opens the application on the configured database.
async fn open(config: &Config) -> Result<App, String> {
    let settings = settings(config)?;
    App::open(&settings, Arc::new(SystemClock))
        .await
        .map_err(|error| explain(config, error))
}

/// Opens the application with its database schema brought up to date.
async fn ready(config: &Config) -> Result<App, String> {
    let app = open(config).await?;
    app.migrate()
        .await
        .map_err(|error| explain(config, error))?;
    Ok(app)
}

/// One sentence for the operator, naming the problem and the fix.
fn explain(config: &Config, error: Error) -> String {
    match error {
        Error::Unavailable(reason) => format!(
            "cannot open the database at {} ({reason}); check that the server is running and the URL (--database-url or UDBHABON_DATABASE_URL) is right",
            config.database_url_for_display()
        ),
        other => other.to_string(),
    }
}

async fn serve(config: Config) -> Result<(), String> {
    let (app, started) = App::start(&settings(&config)?, Arc::new(SystemClock), !config.no_demo)
        .await
        .map_err(|error| explain(&config, error))?;
    if !started.migrations.is_empty() {
        tracing::info!(migrations = ?started.migrations, "database migrated");
    }
    if let Some(DemoOutcome::Loaded {
        offices,
        meetings,
        accounts,
    }) = started.demo
    {
        tracing::info!(
            offices,
            meetings,
            accounts,
            "loaded the demo data into the new database"
        );
    }
    if let Some(problem) = app.fonts_problem() {
        tracing::warn!(%problem, "PDFs cannot be made until a Bengali font is installed (apt-get install fonts-noto-core)");
    }
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|error| format!("cannot listen on {} ({error}); choose another address with --listen or UDBHABON_LISTEN", config.listen))?;
    let address = listener.local_addr().map_err(|error| error.to_string())?;
    tracing::info!(%address, database = %config.database_url_for_display(), "udbhabon is serving");
    println!("udbhabon is serving on http://{address}");
    if config.reminders_every_minutes > 0 {
        tokio::spawn(run_reminders(
            app.clone(),
            std::time::Duration::from_secs(config.reminders_every_minutes * 60),
        ));
    }
    let state = AppState::new(app, &config.public_url()).with_metrics_token(&config.metrics_token);
    let service = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|error| format!("the server stopped with an error: {error}"))?;
    tracing::info!("udbhabon stopped");
    Ok(())
}

/// The job runner: sends the reminders due, now and then at each interval, for as long as the server
/// runs. A failed run is logged and the next one tries again.
async fn run_reminders(app: App, every: std::time::Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(error) = app.run_jobs().await {
            tracing::warn!(%error, "the reminder job failed; it runs again at the next interval");
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM, letting requests in flight finish.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
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
    tracing::info!("shutting down: finishing requests in flight");
}
