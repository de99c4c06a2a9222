//! A test server: the real application with the demo data, on a free local port, with a fixed clock.

use std::path::PathBuf;
use std::sync::Arc;

use base64::Engine;
use scraper::{Html, Selector};
use udbhabon_core::demo::{NationalSize, load_demo, load_national};
use udbhabon_core::{App, Clock, FixedClock, MailSettings, Settings};
use udbhabon_web::{AppState, router};

fn fixed_clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock(NOW.parse().unwrap()))
}

/// The largest video a tutorial may upload on a test server: small, so that a test can pass it.
pub(crate) const VIDEO_BYTES_MOST: u64 = 1024 * 1024;

/// A clock the test sets, to walk through a year.
#[derive(Debug)]
pub(crate) struct MovableClock(std::sync::Mutex<chrono::DateTime<chrono::Utc>>);

impl MovableClock {
    /// A clock at 10:00 in Dhaka on `date` (YYYY-MM-DD).
    pub(crate) fn at(date: &str) -> Arc<Self> {
        Arc::new(Self(std::sync::Mutex::new(Self::morning(date))))
    }

    fn morning(date: &str) -> chrono::DateTime<chrono::Utc> {
        format!("{date}T04:00:00Z").parse().expect("a date")
    }

    /// Moves the clock to 10:00 in Dhaka on `date`.
    pub(crate) fn set(&self, date: &str) {
        *self.0.lock().unwrap() = Self::morning(date);
    }
}

impl Clock for MovableClock {
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        *self.0.lock().unwrap()
    }
}

/// A running server and a client that keeps cookies, like a browser.
pub(crate) struct TestServer {
    pub(crate) base: String,
    pub(crate) client: reqwest::Client,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
    _data: Option<tempfile::TempDir>,
    /// The application behind the server, for running its jobs as the scheduler would.
    app: Option<App>,
}

/// The password of every demo account.
pub(crate) const DEMO_PASSWORD: &str = "udbhabon-demo-2026";

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
        Self::start_with(|state| state).await
    }

    /// Starts a server whose state `adjust` may change first (a looser rate limit, say).
    pub(crate) async fn start_with(adjust: impl FnOnce(AppState) -> AppState) -> Self {
        Self::launch(fonts_dir(), fixed_clock(), adjust, None, None).await
    }

    /// Starts a server on an installation the binary prepared in `data` (its `udbhabon.sqlite`),
    /// without the demo data, on a clock the test moves.
    pub(crate) async fn start_installed(data: tempfile::TempDir, clock: Arc<MovableClock>) -> Self {
        let database = data.path().join("udbhabon.sqlite");
        Self::open(
            data,
            &database,
            fonts_dir(),
            clock,
            |state| state.with_sign_in_limit(1000, 1),
            None,
        )
        .await
    }

    /// Starts a server on a machine without a Bengali font.
    pub(crate) async fn start_without_fonts() -> Self {
        Self::launch(
            PathBuf::from("/nonexistent/fonts"),
            fixed_clock(),
            |state| state,
            None,
            None,
        )
        .await
    }

    /// Starts a server whose clock the test moves; its people sign in often, as the clock ends their
    /// sessions, so the sign-in limit is loosened.
    pub(crate) async fn start_with_clock(clock: Arc<MovableClock>) -> Self {
        Self::launch(
            fonts_dir(),
            clock,
            |state| state.with_sign_in_limit(1000, 1),
            None,
            None,
        )
        .await
    }

    /// Starts a server whose mail goes to an SMTP server at `url` (one that is not there, say).
    pub(crate) async fn start_with_smtp(url: &str) -> Self {
        Self::launch(fonts_dir(), fixed_clock(), |state| state, None, Some(url)).await
    }

    /// A server with the demo data and a generated national tree of this size beside it.
    pub(crate) async fn start_with_national(size: NationalSize) -> Self {
        Self::launch(fonts_dir(), fixed_clock(), |state| state, Some(size), None).await
    }

    async fn launch(
        fonts: PathBuf,
        clock: Arc<dyn Clock>,
        adjust: impl FnOnce(AppState) -> AppState,
        national: Option<NationalSize>,
        smtp: Option<&str>,
    ) -> Self {
        let data = tempfile::tempdir().expect("a temporary directory");
        let database = data.path().join("test.sqlite");
        let server = Self::open(data, &database, fonts, clock, adjust, smtp).await;
        let app = server.app();
        load_demo(app).await.expect("the demo data loads");
        if let Some(size) = national {
            load_national(app, size, 7)
                .await
                .expect("the national tree generates");
        }
        server
    }

    /// Serves the database at `database`, migrated, from the folder `data`.
    async fn open(
        data: tempfile::TempDir,
        database: &std::path::Path,
        fonts: PathBuf,
        clock: Arc<dyn Clock>,
        adjust: impl FnOnce(AppState) -> AppState,
        smtp: Option<&str>,
    ) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let settings = Settings {
            database_url: format!("sqlite://{}?mode=rwc", database.display()),
            fonts_dir: fonts,
            mail: match smtp {
                Some(url) => MailSettings::Smtp {
                    url: url.to_owned(),
                    from: "Udbhabon <no-reply@udbhabon.test>".into(),
                },
                None => MailSettings::Folder {
                    dir: data.path().join("mail"),
                    from: "Udbhabon <no-reply@udbhabon.test>".into(),
                },
            },
            public_url: base.clone(),
            files_dir: data.path().join("files"),
            reminders: Default::default(),
            training_hours_owed: udbhabon_domain::training::HOURS_OWED_BY_POLICY,
            video_bytes_most: VIDEO_BYTES_MOST,
        };
        let app = App::open(&settings, clock).await.expect("the app opens");
        app.migrate().await.expect("migrations run");
        let jobs = app.clone();
        let service = router(adjust(AppState::new(app, &base)))
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        tokio::spawn(async move { axum::serve(listener, service).await });
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::limited(3))
            .build()
            .unwrap();
        Self {
            jar,
            base,
            client,
            _data: Some(data),
            app: Some(jobs),
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

    /// Signs in through the form, as a reader does; returns the response to the form's submission.
    pub(crate) async fn sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        let form = self.page("/login", 200).await;
        let token = attribute(&form, "input[name=form_token]", "value");
        self.client
            .post(format!("{}/login", self.base))
            .form(&[
                ("email", email),
                ("password", password),
                ("form_token", token.as_str()),
                ("next", "/account"),
            ])
            .send()
            .await
            .expect("the server answers")
    }

    /// The CSRF token of the signed-in session, read from the sign-out form every page carries.
    pub(crate) async fn csrf(&self) -> String {
        attribute(
            &self.page("/account", 200).await,
            "input[name=csrf]",
            "value",
        )
    }

    /// A fresh browser signed in as a demo account, and its form token.
    pub(crate) async fn signed_in_as(&self, email: &str) -> (TestServer, String) {
        let browser = self.another_browser();
        assert_eq!(
            browser.sign_in(email, DEMO_PASSWORD).await.status(),
            200,
            "{email}"
        );
        let csrf = browser.csrf().await;
        (browser, csrf)
    }

    /// Posts a form.
    pub(crate) async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .expect("the server answers")
    }

    /// Posts `fields` with the session's token; returns the status (after any redirect) and the page.
    pub(crate) async fn post_fields(
        &self,
        path: &str,
        csrf: &str,
        fields: &[(String, String)],
    ) -> (u16, Html) {
        let owned: Vec<(&str, String)> = fields
            .iter()
            .map(|(name, value)| (name.as_str(), value.clone()))
            .collect();
        let response = self.post_form(path, csrf, &owned).await;
        let status = response.status().as_u16();
        (
            status,
            Html::parse_document(&response.text().await.unwrap()),
        )
    }

    /// Posts a file as an import form takes it (the session's token first, then the file); returns
    /// the status and the page.
    pub(crate) async fn post_file(&self, path: &str, csrf: &str, file: Vec<u8>) -> (u16, Html) {
        self.post_files(path, csrf, &[("file", "table.xlsx", &file)])
            .await
    }

    /// Posts a multipart form of files with the session's CSRF token: (field, file name, content) each,
    /// an empty name and content standing for a file field left empty.
    pub(crate) async fn post_files(
        &self,
        path: &str,
        csrf: &str,
        files: &[(&str, &str, &[u8])],
    ) -> (u16, Html) {
        let form = files.iter().fold(
            reqwest::multipart::Form::new().text("csrf", csrf.to_owned()),
            |form, (field, name, bytes)| {
                form.part(
                    (*field).to_owned(),
                    reqwest::multipart::Part::bytes(bytes.to_vec()).file_name((*name).to_owned()),
                )
            },
        );
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .multipart(form)
            .send()
            .await
            .expect("the server answers");
        let status = response.status().as_u16();
        (
            status,
            Html::parse_document(&response.text().await.unwrap()),
        )
    }

    /// Posts a form of owned values with the session's CSRF token.
    pub(crate) async fn post_form(
        &self,
        path: &str,
        csrf: &str,
        fields: &[(&str, String)],
    ) -> reqwest::Response {
        let mut form: Vec<(&str, &str)> = fields
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        form.push(("csrf", csrf));
        self.post(path, &form).await
    }

    /// The mail the server has sent, oldest first, as raw messages.
    pub(crate) fn mail(&self) -> Vec<String> {
        let dir = self
            ._data
            .as_ref()
            .expect("the server's own browser")
            .path()
            .join("mail");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
            .unwrap_or_default();
        files.sort();
        files
            .into_iter()
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect()
    }

    /// This browser's cookies for the server, as a `Cookie` header.
    pub(crate) fn cookie_header(&self) -> String {
        use reqwest::cookie::CookieStore;
        let url: reqwest::Url = self.base.parse().unwrap();
        self.jar
            .cookies(&url)
            .and_then(|value| value.to_str().ok().map(str::to_owned))
            .unwrap_or_default()
    }

    /// A fresh sign-in form token (and its cookie, in this browser).
    pub(crate) async fn form_token(&self) -> String {
        attribute(
            &self.page("/login", 200).await,
            "input[name=form_token]",
            "value",
        )
    }

    /// A second browser on the same server, with its own cookies.
    pub(crate) fn another_browser(&self) -> Self {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .build()
            .unwrap();
        Self {
            base: self.base.clone(),
            client,
            jar,
            _data: None,
            app: None,
        }
    }

    /// The server's application, to run a job now (the server's own browser only).
    pub(crate) fn app(&self) -> &App {
        self.app.as_ref().expect("the server's own browser")
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

/// The value of the option of `<select id=select>` whose label starts with `label`.
pub(crate) fn option_value(page: &Html, select: &str, label: &str) -> String {
    let options = texts(page, &format!("select#{select} option"));
    let index = options
        .iter()
        .position(|option| option.starts_with(label))
        .unwrap_or_else(|| panic!("no option starting {label} in {options:?}"));
    attribute(
        page,
        &format!("select#{select} option:nth-child({})", index + 1),
        "value",
    )
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

/// A multipart form with these text fields and files (name, bytes) under `files`, as a browser sends
/// a form with a file input.
pub(crate) fn upload_form(
    fields: &[(&str, &str)],
    files: &[(&str, &[u8])],
) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    for (name, bytes) in files {
        form = form.part(
            "files",
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string()),
        );
    }
    form
}

/// The body of the part of a raw mail message with this content type, decoded.
pub(crate) fn mail_part(mail: &str, content_type: &str) -> Vec<u8> {
    let start = mail
        .find(&format!("Content-Type: {content_type}"))
        .unwrap_or_else(|| panic!("no {content_type} part in {mail}"));
    let part = &mail[start..];
    let (headers, rest) = part.split_once("\r\n\r\n").unwrap();
    let body = rest.split("\r\n--").next().unwrap();
    if headers.contains("Content-Transfer-Encoding: base64") {
        let compact: String = body.split_whitespace().collect();
        base64::engine::general_purpose::STANDARD
            .decode(compact)
            .unwrap()
    } else if headers.contains("Content-Transfer-Encoding: quoted-printable") {
        quoted_printable::decode(body, quoted_printable::ParseMode::Strict).unwrap()
    } else {
        body.as_bytes().to_vec()
    }
}

/// Every field of the form matching `form` with its value, in the order a browser sends them: selects
/// at their chosen option, checkboxes only when checked.
pub(crate) fn form_fields(page: &Html, form: &str) -> Vec<(String, String)> {
    let fields = Selector::parse(&format!("{form} input, {form} select, {form} textarea")).unwrap();
    let selected = Selector::parse("option[selected]").unwrap();
    page.select(&fields)
        .filter(|field| {
            field.value().attr("type") != Some("checkbox")
                || field.value().attr("checked").is_some()
        })
        .filter_map(|field| {
            let name = field.value().attr("name")?.to_owned();
            let value = match field.value().name() {
                "textarea" => field.text().collect(),
                "select" => field
                    .select(&selected)
                    .next()
                    .and_then(|option| option.value().attr("value"))
                    .unwrap_or_default()
                    .to_owned(),
                _ => field.value().attr("value").unwrap_or_default().to_owned(),
            };
            Some((name, value))
        })
        .collect()
}

/// Sets the `occurrence`-th field called `name` (0 for a field that occurs once).
pub(crate) fn set_field(
    fields: &mut [(String, String)],
    name: &str,
    occurrence: usize,
    value: &str,
) {
    fields
        .iter_mut()
        .filter(|(field, _)| field == name)
        .nth(occurrence)
        .unwrap_or_else(|| panic!("no field {name} #{occurrence}"))
        .1 = value.to_owned();
}

/// The fields of the form matching `form` as a browser would send them, with `changes` made and
/// without the token (which [`TestServer::post_fields`] adds).
pub(crate) fn filled(page: &Html, form: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields = form_fields(page, form);
    for (name, value) in changes {
        set_field(&mut fields, name, 0, value);
    }
    fields.retain(|(name, _)| name != "csrf");
    fields
}

/// What the reader's home page lists as waiting for them: (label, link) of each item.
async fn waiting(reader: &TestServer) -> Vec<(String, String)> {
    let home = reader.page("/", 200).await;
    let items = scraper::Selector::parse("section.inbox li").unwrap();
    let label = scraper::Selector::parse(".tag").unwrap();
    let link = scraper::Selector::parse("a").unwrap();
    home.select(&items)
        .map(|item| {
            let text = item.select(&label).flat_map(|tag| tag.text()).collect();
            let href = item
                .select(&link)
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap_or_default()
                .to_owned();
            (text, href)
        })
        .collect()
}

/// Whether `reader`'s home page lists the step `label` on `link`.
pub(crate) async fn waits_for(reader: &TestServer, label: &str, link: &str) -> bool {
    waiting(reader)
        .await
        .iter()
        .any(|(text, href)| text == label && href == link)
}

/// An administration page (the posts, a person's) working in the office named `office`, found as the
/// administrator finds it: by typing its name and following the office of exactly that name.
pub(crate) async fn in_office(admin: &TestServer, path: &str, office: &str) -> Html {
    let found = admin
        .page(
            &format!(
                "{path}?q={}",
                office.replace(' ', "%20").replace(',', "%2C")
            ),
            200,
        )
        .await;
    let links = Selector::parse("section.finder ul.found a").unwrap();
    let href = found
        .select(&links)
        .find(|link| {
            link.text()
                .collect::<String>()
                .starts_with(&format!("{office} ("))
        })
        .and_then(|link| link.value().attr("href"))
        .unwrap_or_else(|| panic!("{office} is not found from {path}"))
        .to_owned();
    let page = admin.page(&href, 200).await;
    assert_eq!(text(&page, "section.finder .office-in-focus"), office);
    page
}
