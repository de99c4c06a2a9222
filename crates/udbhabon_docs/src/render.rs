//! Compiling a template with its view as `sys.inputs` and exporting the pages as PDF.

use serde::{Deserialize, Serialize};
use typst::foundations::{Dict, IntoValue, Str, Value};
use typst_pdf::PdfOptions;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::text_layer::join_split_clusters;
use crate::world::{DocWorld, describe};

/// How many renders a memoized typst result survives without being used.
const CACHE_AGE: usize = 30;

/// The language a document's strings are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Language {
    /// Bengali (`bn`): Bengali font first, Latin as fallback.
    #[serde(rename = "bn")]
    Bengali,
    /// English (`en`): Latin font first, Bengali as fallback.
    #[serde(rename = "en")]
    English,
}

/// A view as a typst input value.
pub(crate) fn input(view: &impl Serialize) -> Result<serde_json::Value, DocsError> {
    serde_json::to_value(view).map_err(|err| DocsError::Input(err.to_string()))
}

/// Typesets `template` with each `(key, value)` as `sys.inputs.<key>`, the font families to use as
/// `sys.inputs.fonts`, the language code as `sys.inputs.language` and its ten digits as
/// `sys.inputs.digits`, and returns the PDF bytes.
pub(crate) fn render_pdf(
    fonts: &Fonts,
    name: &str,
    template: &str,
    language: Language,
    views: Vec<(&str, serde_json::Value)>,
) -> Result<Vec<u8>, DocsError> {
    let families: Vec<Value> = fonts
        .family_order(language)
        .into_iter()
        .map(|family| Str::from(family).into_value())
        .collect();

    let mut inputs = Dict::new();
    for (key, json) in views {
        let value = Value::deserialize(json).map_err(|err| DocsError::Input(err.to_string()))?;
        inputs.insert(key.into(), value);
    }
    inputs.insert("fonts".into(), families.into_value());
    let (code, digits) = match language {
        Language::Bengali => ("bn", "০১২৩৪৫৬৭৮৯"),
        Language::English => ("en", "0123456789"),
    };
    inputs.insert("language".into(), Str::from(code).into_value());
    let digits: Vec<Value> = digits
        .chars()
        .map(|digit| Str::from(digit.to_string()).into_value())
        .collect();
    inputs.insert("digits".into(), digits.into_value());

    let world = DocWorld::new(fonts, name, template, inputs)?;
    let document = world
        .compile()
        .map(|document| join_split_clusters(&document));
    let pdf = document.and_then(|document| {
        typst_pdf::pdf(&document, &PdfOptions::default())
            .map_err(|diags| DocsError::Pdf(describe(&diags)))
    });
    // typst memoizes layout work in a process-wide cache; drop entries no render has used
    // for a while so a long-running server does not grow without bound.
    typst::comemo::evict(CACHE_AGE);
    pdf
}
