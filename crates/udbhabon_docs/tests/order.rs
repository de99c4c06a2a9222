//! Renders office orders and checks that the PDF text layer extracts back to the strings put in.
//!
//! Needs `pdftotext` (Debian: poppler-utils) and a Bengali font folder (Debian: fonts-noto-core;
//! `UDBHABON_FONTS_DIR` overrides the default /usr/share/fonts/truetype/noto). Without them the
//! tests fail and say what to install.

mod fixture;

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use udbhabon_docs::{Fonts, NumberedItem, OfficeOrderView, render_office_order};

const DEFAULT_FONTS_DIR: &str = "/usr/share/fonts/truetype/noto";

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let dir = std::env::var_os("UDBHABON_FONTS_DIR")
            .map_or_else(|| PathBuf::from(DEFAULT_FONTS_DIR), PathBuf::from);
        Fonts::load(&dir).unwrap_or_else(|err| {
            panic!("{err} (set UDBHABON_FONTS_DIR to a folder with Bengali fonts, or `apt-get install fonts-noto-core`)")
        })
    })
}

fn render(view: &OfficeOrderView) -> Vec<u8> {
    render_office_order(fonts(), view).unwrap_or_else(|err| panic!("rendering failed: {err}"))
}

/// Runs a poppler tool on the PDF (`args`, then the file) and returns its standard output.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile::NamedTempFile::with_suffix(".pdf").expect("temp file");
    file.write_all(pdf).expect("write temp PDF");
    let output = Command::new(tool)
        .args(args)
        .arg(file.path())
        .args(if tool == "pdftotext" { &["-"][..] } else { &[] })
        .output()
        .unwrap_or_else(|err| {
            panic!("cannot run `{tool}` ({err}): install it with `apt-get install poppler-utils`")
        });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// How `pdftotext` is asked to read the text layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Reading order, lines joined into paragraphs.
    Plain,
    /// `-layout`: the physical layout, columns side by side.
    Layout,
}

const MODES: [Mode; 2] = [Mode::Plain, Mode::Layout];

/// The text layer as `pdftotext` reads it, normalized (see [`normalize`]).
fn extract(pdf: &[u8], mode: Mode) -> String {
    let args: &[&str] = match mode {
        Mode::Plain => &[],
        Mode::Layout => &["-layout"],
    };
    normalize(&poppler("pdftotext", args, pdf), mode)
}

/// Normalizes line breaks and whitespace only: a line ending in a hyphen continues on the next
/// line, and every run of whitespace becomes one space. Plain mode also drops hyphens on both
/// sides of the comparison, because poppler deletes a hyphen that ends a line when it joins
/// the lines of a paragraph (`-layout` keeps them, so hyphens are still checked there).
fn normalize(text: &str, mode: Mode) -> String {
    let mut joined = String::with_capacity(text.len());
    for line in text.lines() {
        joined.push_str(line.trim_start());
        if !line.trim_end().ends_with('-') {
            joined.push('\n');
        }
    }
    let collapsed = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    match mode {
        Mode::Plain => collapsed.replace('-', ""),
        Mode::Layout => collapsed,
    }
}

#[track_caller]
fn assert_extracted(extracted: &str, expected: &str, mode: Mode) {
    let expected = normalize(expected, mode);
    assert!(
        extracted.contains(&expected),
        "pdftotext ({mode:?}): missing from the text layer:\n  {expected}\nextracted text:\n{extracted}"
    );
}

/// Every string of the view, as it must come out of the PDF; the member table's cells only
/// with `members` (a cell that wraps is interleaved with its row in `-layout` output).
fn printed_strings(view: &OfficeOrderView, members: bool) -> Vec<String> {
    let mut strings = vec![
        view.letterhead.government.clone(),
        view.letterhead.ministry.clone(),
        view.letterhead.unit.clone(),
        view.letterhead.website.clone(),
        format!("{}: {}", view.memo_label, view.memo_number),
        view.date_bangla.clone(),
        view.date_gregorian.clone(),
        view.title.clone(),
        view.preamble.clone(),
        view.terms_heading.clone(),
        view.closing.clone(),
        view.signature.date.clone(),
        view.signature.name.clone(),
        view.signature.designation.clone(),
    ];
    strings.extend(view.signature.phone.iter().cloned());
    strings.extend(view.signature.email.iter().cloned());
    for member in view.members.iter().filter(|_| members) {
        strings.extend([
            member.serial.clone(),
            member.post.clone(),
            member.role.clone(),
        ]);
    }
    strings.extend(view.terms.iter().map(|term| term.text.clone()));
    if let Some(copies) = &view.copies {
        strings.push(format!("{}: {}", view.memo_label, copies.memo_number));
        strings.push(copies.intro.clone());
        strings.extend(copies.entries.iter().map(|entry| entry.text.clone()));
    }
    strings
}

#[test]
fn the_seed_order_extracts_back_exactly_in_plain_and_layout_mode() {
    let view = fixture::seed_order_bn();
    assert_eq!(view.terms.len(), 24);
    assert_eq!(view.members.len(), 9);
    assert_eq!(
        view.copies.as_ref().map(|copies| copies.entries.len()),
        Some(20)
    );

    let pdf = render(&view);
    for mode in MODES {
        let extracted = extract(&pdf, mode);
        for expected in printed_strings(&view, true) {
            assert_extracted(&extracted, &expected, mode);
        }
    }
}

#[test]
fn the_member_table_reads_as_serial_post_dashes_role_in_layout_mode() {
    let view = fixture::seed_order_bn();
    let extracted = extract(&render(&view), Mode::Layout);
    for member in &view.members {
        let line = format!("{} {} -- {}", member.serial, member.post, member.role);
        assert_extracted(&extracted, &line, Mode::Layout);
    }
    for term in &view.terms {
        assert_extracted(
            &extracted,
            &format!("{} {}", term.number, term.text),
            Mode::Layout,
        );
    }
}

#[test]
fn reph_pre_base_vowels_and_conjuncts_extract_whole() {
    const WORDS: [&str; 7] = [
        "কর্মসংস্থান",
        "চুক্তি",
        "মন্ত্রণালয়",
        "ক্ষেত্র",
        "স্মারক",
        "কার্যক্রম",
        "উর্দ্ধতন",
    ];
    let mut view = fixture::seed_order_bn();
    view.preamble = WORDS.join(" ");
    view.terms = WORDS
        .iter()
        .zip(["(১)", "(২)", "(৩)", "(৪)", "(৫)", "(৬)", "(৭)"])
        .map(|(word, number)| NumberedItem {
            number: number.to_owned(),
            text: format!("{word}-এর {word};"),
        })
        .collect();
    view.copies = None;

    let pdf = render(&view);
    for mode in MODES {
        let extracted = extract(&pdf, mode);
        assert_extracted(&extracted, &view.preamble, mode);
        for term in &view.terms {
            assert_extracted(&extracted, &term.text, mode);
        }
        let tokens: Vec<&str> = extracted.split(' ').collect();
        for word in WORDS {
            assert!(
                tokens.contains(&word),
                "{mode:?}: {word} is not one whole word in:\n{extracted}"
            );
        }
    }
}

#[test]
fn the_english_order_extracts_back_exactly() {
    let view = fixture::seed_order_en();
    let pdf = render(&view);
    for mode in MODES {
        let extracted = extract(&pdf, mode);
        // English posts are long enough to wrap in their table cell.
        for expected in printed_strings(&view, mode == Mode::Plain) {
            assert_extracted(&extracted, &expected, mode);
        }
    }
}

#[test]
fn the_seed_order_fits_on_two_a4_pages_with_title_and_language() {
    let pdf = render(&fixture::seed_order_bn());
    let info = poppler("pdfinfo", &[], &pdf);
    let field = |name: &str| {
        info.lines()
            .find_map(|line| line.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(field("Pages:"), "2", "{info}");
    assert!(
        field("Page size:").starts_with("595.276 x 841.89"),
        "{info}"
    );
    assert_eq!(
        field("Title:"),
        "অফিস আদেশ ৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫",
        "{info}"
    );
    let catalog = String::from_utf8_lossy(&pdf);
    assert!(
        catalog.contains("/Lang(bn)"),
        "the PDF declares no /Lang(bn)"
    );
}

#[test]
fn typst_markup_in_a_view_is_printed_literally_not_evaluated() {
    let mut view = fixture::seed_order_bn();
    view.preamble =
        r#"#panic("x") *bold* $x^2$ = Heading #sys.inputs <label> @ref \ // comment"#.to_owned();
    view.title = "]) #let x = 1".to_owned();
    let extracted = extract(&render(&view), Mode::Layout);
    assert_extracted(&extracted, &view.preamble, Mode::Layout);
    assert_extracted(&extracted, &view.title, Mode::Layout);
}

#[test]
fn fonts_are_cheap_to_share_between_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Fonts>();
    assert!(
        fonts()
            .bengali_families()
            .iter()
            .any(|family| family.contains("Bengali"))
    );
}
