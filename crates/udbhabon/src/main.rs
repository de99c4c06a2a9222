//! The udbhabon binary: reads configuration, then serves the web application, migrates the database or
//! loads demo data. Every failure ends with one sentence saying what is wrong and how to fix it.

mod cli;
mod commands;
mod config;
mod telemetry;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match config::Config::load(&cli) {
        Ok(config) => config,
        Err(problem) => return fail(&problem),
    };
    telemetry::init(&config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return fail(&format!("cannot start the async runtime: {error}")),
    };
    match runtime.block_on(commands::run(cli.command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => fail(&problem),
    }
}

fn fail(problem: &str) -> ExitCode {
    eprintln!("udbhabon: {problem}");
    ExitCode::FAILURE
}
