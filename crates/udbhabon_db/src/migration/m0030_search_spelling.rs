//! Search forgives the length of a vowel (ি/ী, ু/ূ, ই/ঈ, উ/ঊ): the innovations' index and the people's
//! name keys are written again in the search form that folds them.

use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::prelude::*;
use udbhabon_domain::Bilingual;

use crate::innovation::search::index_all;

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let connection = manager.get_connection();
        let backend = manager.get_database_backend();
        connection
            .execute_unprepared("DELETE FROM innovation_search")
            .await?;
        index_all(connection).await?;
        let people = connection
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT id, name_bn, name_en, search_key FROM person",
            ))
            .await?;
        for row in people {
            let name = Bilingual::new(
                row.try_get::<String>("", "name_bn")?,
                row.try_get::<String>("", "name_en")?,
            );
            let key = udbhabon_domain::text::search_key(&name);
            if key == row.try_get::<String>("", "search_key")? {
                continue;
            }
            connection
                .execute_raw(Statement::from_sql_and_values(
                    backend,
                    match backend {
                        sea_orm::DbBackend::Postgres => {
                            "UPDATE person SET search_key = $1 WHERE id = $2"
                        }
                        _ => "UPDATE person SET search_key = ? WHERE id = ?",
                    },
                    [key.into(), row.try_get::<i32>("", "id")?.into()],
                ))
                .await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
