//! A test server: the real application with the demo data, on a free local port, with a fixed clock.

use std::path::PathBuf;
use std::sync::Arc;

use scraper::{Html, Selector};
use udbhabon_core::demo::load_demo;
use udbhabon_core::{App, FixedClock, Settings};
use udbhabon_web::{AppState, router};

/// A running server and a client that keeps cookies, like a browser.
pub(crate) struct TestServer {
    pub(crate) base: String,
    pub(crate) client: reqwest::Client,
    _data: tempfile::TempDir,
}

/// 23 November 2026, 10:00 in Dhaka.
pub(crate) const NOW: &str = "2026-11-23T04:00:00Z";

pub(crate) fn fonts_dir() -> PathBuf {
    std::env::var_os("UDBHABON_FONTS_DIR").map_or_else(
        || PathBuf::from("/usr/share/fonts/truetype/noto"),
        PathBuf::from,
    )
}

impl TestServer {
    pub(crate) async fn start() -> Self {
        let data = tempfile::tempdir().expect("a temporary directory");
        let settings = Settings {
            database_url: format!(
                "sqlite://{}?mode=rwc",
                data.path().join("test.sqlite").display()
            ),
            fonts_dir: fonts_dir(),
        };
        let app = App::open(&settings, Arc::new(FixedClock(NOW.parse().unwrap())))
            .await
            .expect("the app opens");
        app.migrate().await.expect("migrations run");
        load_demo(&app).await.expect("the demo data loads");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let service = router(AppState::new(app, &base))
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        tokio::spawn(async move { axum::serve(listener, service).await });
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::limited(3))
            .build()
            .unwrap();
        Self {
            base,
            client,
            _data: data,
        }
    }

    pub(crate) async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("the server answers")
    }

    /// Fetches a page, checks its status, and returns it parsed.
    pub(crate) async fn page(&self, path: &str, status: u16) -> Html {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), status, "GET {path}");
        let body = response.text().await.unwrap();
        assert!(
            !body.contains('⟦'),
            "GET {path} shows a message missing from the catalogue: {body}"
        );
        Html::parse_document(&body)
    }

    /// Chooses the reader's language as the switch link does.
    pub(crate) async fn choose(&self, lang: &str) {
        let response = self.get(&format!("/lang/{lang}?back=/")).await;
        assert!(response.status().is_success());
    }
}

/// The text of every element matching `selector`, whitespace folded.
pub(crate) fn texts(page: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("a valid selector");
    page.select(&selector)
        .map(|element| {
            element
                .text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The text of the first element matching `selector`.
pub(crate) fn text(page: &Html, selector: &str) -> String {
    texts(page, selector)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// An attribute of the first element matching `selector`.
pub(crate) fn attribute(page: &Html, selector: &str, name: &str) -> String {
    let parsed = Selector::parse(selector).expect("a valid selector");
    page.select(&parsed)
        .next()
        .and_then(|element| element.value().attr(name))
        .unwrap_or_else(|| panic!("no {name} on {selector}"))
        .to_owned()
}
