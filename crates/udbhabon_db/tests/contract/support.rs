//! A fresh, migrated database per test on each configured backend.

use std::sync::atomic::{AtomicU32, Ordering};

use sea_orm::{ConnectionTrait, Database};
use udbhabon_db::Db;

/// A migrated database that lives as long as the test needs it.
pub(crate) struct TestDb {
    pub(crate) db: Db,
    pub(crate) backend: &'static str,
    /// The URL the database opens at, for raw SQL on a connection of one's own.
    pub(crate) url: String,
    _dir: Option<tempfile::TempDir>,
}

static NEXT: AtomicU32 = AtomicU32::new(0);

/// One fresh database per backend: SQLite always, PostgreSQL when configured.
pub(crate) async fn each_backend() -> Vec<TestDb> {
    let mut databases = vec![sqlite().await];
    if let Ok(url) = std::env::var("UDBHABON_TEST_POSTGRES") {
        databases.push(postgres(&url).await);
    }
    databases
}

async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("test.sqlite").display()
    );
    let db = Db::connect(&url).await.expect("SQLite opens");
    db.migrate().await.expect("migrations run on SQLite");
    TestDb {
        db,
        backend: "sqlite",
        url,
        _dir: Some(dir),
    }
}

/// Drops the test databases that earlier runs of this suite left on the server, once per process. A
/// name carries its run's process id: databases of a run still going (another checkout's tests on the
/// same server) are left alone.
async fn drop_earlier_runs(admin: &sea_orm::DatabaseConnection) {
    use tokio::sync::OnceCell;
    static CLEANED: OnceCell<()> = OnceCell::const_new();
    CLEANED
        .get_or_init(|| async {
            let rows = admin
                .query_all_raw(sea_orm::Statement::from_string(
                    admin.get_database_backend(),
                    "SELECT datname FROM pg_database WHERE datname LIKE 'udbhabon\\_t%'",
                ))
                .await
                .expect("the server lists its databases");
            for row in rows {
                let name: String = row.try_get("", "datname").expect("a database name");
                if !run_is_alive(&name) {
                    admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await
                        .expect("an old test database is dropped");
                }
            }
        })
        .await;
}

/// Whether the run that made the database `udbhabon_t{pid}_{n}` is still going.
fn run_is_alive(name: &str) -> bool {
    name.trim_start_matches("udbhabon_t")
        .split('_')
        .next()
        .and_then(|pid| pid.parse::<u32>().ok())
        .is_some_and(|pid| std::path::Path::new(&format!("/proc/{pid}")).exists())
}

/// Creates a database of its own on the server for one test.
async fn postgres(admin_url: &str) -> TestDb {
    let name = format!(
        "udbhabon_t{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let admin = Database::connect(admin_url)
        .await
        .expect("PostgreSQL answers at UDBHABON_TEST_POSTGRES");
    drop_earlier_runs(&admin).await;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
        .await
        .expect("drop old database");
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create test database");
    admin.close().await.ok();
    let (base, _) = admin_url
        .rsplit_once('/')
        .expect("a PostgreSQL URL ends with /database");
    let url = format!("{base}/{name}");
    let db = Db::connect(&url).await.expect("the test database opens");
    db.migrate().await.expect("migrations run on PostgreSQL");
    TestDb {
        db,
        backend: "postgres",
        url,
        _dir: None,
    }
}
