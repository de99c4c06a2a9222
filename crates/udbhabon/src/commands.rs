//! The commands: `serve`, `migrate` and `demo`.

use std::sync::Arc;

use udbhabon_core::demo::{DemoOutcome, load_demo, load_demo_file};
use udbhabon_core::{App, Error, Settings, SystemClock};
use udbhabon_web::{AppState, router};

use crate::cli::Command;
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
        Command::Demo { file } => {
            let app = open(&config).await?;
            app.migrate()
                .await
                .map_err(|error| explain(&config, error))?;
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
                DemoOutcome::Loaded { offices, meetings } => {
                    println!("Loaded the demo data: {offices} offices, {meetings} meeting(s).");
                }
                DemoOutcome::AlreadyLoaded => {
                    println!("The demo data is already loaded; nothing changed.")
                }
            }
            Ok(())
        }
    }
}

/// Opens the application on the configured database.
async fn open(config: &Config) -> Result<App, String> {
    if config.database_url.trim().is_empty() {
        config.prepare_data_dir()?;
    }
    let settings = Settings {
        database_url: config.database_url(),
        fonts_dir: config.fonts_dir.clone(),
    };
    App::open(&settings, Arc::new(SystemClock))
        .await
        .map_err(|error| explain(config, error))
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
    let app = open(&config).await?;
    let applied = app
        .migrate()
        .await
        .map_err(|error| explain(&config, error))?;
    if !applied.is_empty() {
        tracing::info!(migrations = ?applied, "database migrated");
    }
    if !config.no_demo
        && app
            .is_empty()
            .await
            .map_err(|error| explain(&config, error))?
    {
        match load_demo(&app)
            .await
            .map_err(|error| explain(&config, error))?
        {
            DemoOutcome::Loaded { offices, meetings } => tracing::info!(
                offices,
                meetings,
                "loaded the demo data into the new database"
            ),
            DemoOutcome::AlreadyLoaded => {}
        }
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
    axum::serve(listener, router(AppState::new(app)))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|error| format!("the server stopped with an error: {error}"))?;
    tracing::info!("udbhabon stopped");
    Ok(())
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
