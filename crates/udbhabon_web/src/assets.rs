//! Static files compiled into the binary, served under content-hashed names with immutable caching.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::Embed;
use sha2::{Digest, Sha256};

#[derive(Embed)]
#[folder = "static/"]
struct StaticFiles;

/// Each file's hashed name ("style.3f2a…c1.css") and the original name it serves.
struct Manifest {
    hashed_by_name: HashMap<String, String>,
    name_by_hashed: HashMap<String, String>,
}

static MANIFEST: LazyLock<Manifest> = LazyLock::new(|| {
    let mut hashed_by_name = HashMap::new();
    let mut name_by_hashed = HashMap::new();
    for name in StaticFiles::iter() {
        let Some(file) = StaticFiles::get(&name) else {
            continue;
        };
        let digest = Sha256::digest(&file.data);
        let short = hex::encode(&digest[..6]);
        let hashed = match name.rsplit_once('.') {
            Some((stem, extension)) => format!("{stem}.{short}.{extension}"),
            None => format!("{name}.{short}"),
        };
        hashed_by_name.insert(name.to_string(), hashed.clone());
        name_by_hashed.insert(hashed, name.to_string());
    }
    Manifest {
        hashed_by_name,
        name_by_hashed,
    }
});

/// The URL of a static file under its hashed name.
pub(crate) fn asset_path(name: &str) -> String {
    let hashed = MANIFEST
        .hashed_by_name
        .get(name)
        .map_or(name, String::as_str);
    format!("/static/{hashed}")
}

/// `GET /static/{hashed}`: the file, cacheable for a year since its name changes with its content.
pub(crate) async fn serve(Path(hashed): Path<String>) -> Response {
    let Some(file) = MANIFEST
        .name_by_hashed
        .get(&hashed)
        .and_then(|name| StaticFiles::get(name))
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mime = file.metadata.mimetype();
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_str(mime)
                    .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ),
        ],
        file.data,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::asset_path;

    #[test]
    fn the_stylesheet_is_served_under_a_name_that_carries_its_hash() {
        let path = asset_path("style.css");
        assert!(
            path.starts_with("/static/style.")
                && path.ends_with(".css")
                && path.len() > "/static/style.css".len(),
            "{path}"
        );
    }
}
