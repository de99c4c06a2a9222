//! Pages kept as they were sent, for each reader (everyone not signed in shares one copy; a signed-in
//! reader has their own, under their session), and sent again while their edition lasts: nothing
//! written to the records since, and the same day.

use std::sync::Arc;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use quick_cache::Weighter;
use udbhabon_core::Edition;
use udbhabon_core::secret::token_hash;
use udbhabon_i18n::Lang;

use crate::auth::SESSION_COOKIE;
use crate::lang::reader_lang;
use crate::state::AppState;

/// Marks a response that depends on nothing but the address, the language, who asks, the records and
/// the date; the routes table puts it on the pages and documents that are read most.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kept;

/// The bytes of pages kept at most. A page is a few kilobytes compressed, an issued PDF a few hundred:
/// this holds the busy pages of thousands of offices and readers.
const CAPACITY_BYTES: u64 = 32 * 1024 * 1024;
/// How many paths of routes that keep nothing are remembered.
const NOT_KEPT_PATHS: usize = 10_000;
/// The size of the largest response kept; a larger one is sent each time as it is made.
const LARGEST_KEPT_BYTES: usize = 2 * 1024 * 1024;

/// The pages kept, shared by every request; cheap to clone.
#[derive(Clone)]
pub(crate) struct Pages {
    kept: Arc<quick_cache::sync::Cache<Key, Arc<Page>, BodySize>>,
    /// The paths whose route keeps nothing: asked for again, they go straight to their handler,
    /// without reading the edition.
    not_kept: Arc<quick_cache::sync::Cache<String, ()>>,
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages")
            .field("kept", &self.kept.len())
            .field("bytes", &self.kept.weight())
            .field("not_kept", &self.not_kept.len())
            .finish()
    }
}

impl Default for Pages {
    fn default() -> Self {
        Self {
            kept: Arc::new(quick_cache::sync::Cache::with_weighter(
                4096,
                CAPACITY_BYTES,
                BodySize,
            )),
            not_kept: Arc::new(quick_cache::sync::Cache::new(NOT_KEPT_PATHS)),
        }
    }
}

/// What tells two requests for the same page apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    /// The reader's session (its token's hash), none for a reader not signed in.
    session: Option<String>,
    /// Path and query.
    uri: String,
    lang: Lang,
    /// The page is kept as compressed for this header.
    accept_encoding: Option<HeaderValue>,
}

impl Key {
    /// The key of a request that a kept page may answer: a plain GET. A request that asks for part
    /// of a file or only for a change is left to the handler.
    fn of(request: &Request) -> Option<Self> {
        let headers = request.headers();
        let plain = request.method() == Method::GET
            && !headers.contains_key(header::RANGE)
            && !headers.contains_key(header::IF_NONE_MATCH)
            && !headers.contains_key(header::IF_MODIFIED_SINCE);
        plain.then(|| Self {
            session: session_token(headers).map(|token| token_hash(&token)),
            uri: request.uri().to_string(),
            lang: reader_lang(headers),
            accept_encoding: headers.get(header::ACCEPT_ENCODING).cloned(),
        })
    }
}

fn session_token(headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(SESSION_COOKIE)
        .map(|cookie| cookie.value().to_owned())
}

/// Whether the reader may be sent what was kept for them: anyone not signed in may; a signed-in
/// reader while their session lives (a session that ended goes to the handler, which says so).
async fn may_have(state: &AppState, headers: &HeaderMap) -> bool {
    match session_token(headers) {
        None => true,
        Some(token) => state.app.session_is_live(&token).await.unwrap_or(false),
    }
}

/// A response as sent, with the edition it was made at.
#[derive(Debug)]
struct Page {
    edition: Edition,
    headers: HeaderMap,
    body: Bytes,
    kept_at: Instant,
}

impl Page {
    /// The page sent again, with its `Age` in seconds, which says that it comes from a cache.
    fn response(&self) -> Response {
        let mut response = Response::new(Body::from(self.body.clone()));
        *response.headers_mut() = self.headers.clone();
        response
            .headers_mut()
            .insert(header::AGE, self.kept_at.elapsed().as_secs().into());
        response
    }
}

/// A kept page weighs its body and headers.
#[derive(Debug, Clone)]
struct BodySize;

impl Weighter<Key, Arc<Page>> for BodySize {
    fn weight(&self, key: &Key, page: &Arc<Page>) -> u64 {
        let headers: usize = page
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len())
            .sum();
        let session = key.session.as_ref().map_or(0, String::len);
        (session + key.uri.len() + headers + page.body.len()) as u64
    }
}

/// Answers from a kept page when its edition is the current one; otherwise lets the handler answer,
/// and keeps what it sent when the route marked it kept.
pub(crate) async fn serve(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(key) = Key::of(&request) else {
        return next.run(request).await;
    };
    let path = request.uri().path().to_owned();
    if state.pages.not_kept.get(&path).is_some() {
        return next.run(request).await;
    }
    // Read before the page is made, so that a page is never kept under an edition newer than what
    // it shows. Without it nothing can be known fresh: the handler answers (or reports the outage).
    let Ok(edition) = state.app.edition().await else {
        return next.run(request).await;
    };
    if let Some(page) = state.pages.kept.get(&key)
        && page.edition == edition
        && may_have(&state, request.headers()).await
    {
        // `http_requests_total` counts what the handlers answer; this, what was answered for them.
        metrics::counter!("http_responses_kept_sent_total").increment(1);
        return page.response();
    }
    // The handler's reader is looked up at the same edition, without reading it again.
    request.extensions_mut().insert(edition.clone());
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        // An error page or a redirect says nothing of whether the route keeps what it sends.
        return response;
    }
    if response.extensions().get::<Kept>().is_none() {
        state.pages.not_kept.insert(path, ());
        return response;
    }
    if response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "a page could not be read to be kept");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if body.len() <= LARGEST_KEPT_BYTES {
        let page = Page {
            edition,
            headers: parts.headers.clone(),
            body: body.clone(),
            kept_at: Instant::now(),
        };
        state.pages.kept.insert(key, Arc::new(page));
    }
    Response::from_parts(parts, Body::from(body))
}
