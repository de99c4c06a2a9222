//! Forward-only schema migrations, run at `serve` start and by `udbhabon migrate`; never edited once landed.

use sea_orm_migration::prelude::*;

mod m0001_foundation;

/// The ordered list of every migration.
#[derive(Debug)]
pub(crate) struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(m0001_foundation::Migration)]
    }
}
