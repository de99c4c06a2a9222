//! Makes the PDF text layer extract correctly for Bengali: re-joins glyph clusters typst splits across text runs.
//!
//! Why this is needed: typst's shaper gives every glyph of a cluster (a syllable such as
//! র্ম or চু) the cluster's whole text range, so that the PDF writer (krilla) can wrap the
//! cluster in one `/ActualText` span. But when typst builds the page frame it cuts a line
//! into text runs wherever the glyphs' vertical offset changes, and Noto's reph (the র্ of
//! কর্ম) and below-base vowel signs (the ু of চু) carry such an offset. The cluster then
//! lands in two runs; krilla sees neither half as a cluster, maps both glyphs to the whole
//! syllable in the ToUnicode map, and `pdftotext` prints it twice ("চুচুক্তি",
//! "কর্মসং র্ম স্থান").
//!
//! The fix works on the laid-out document before export: neighbouring runs cut from one
//! shaped line (same style, drawn end to end, and — by the source offset typst records per
//! glyph — either sharing the boundary cluster or continuing right after it) are merged back
//! into one run, with the vertical shift kept as per-glyph `y_offset` (which krilla draws
//! exactly where it was; the rendered pages are pixel-identical). krilla then writes each
//! reordered or split cluster inside one `/ActualText` span, which poppler, Acrobat and
//! Chrome honour.
//!
//! A second pass closes a gap the spans would leave: a reader places a span's text from
//! the first glyph's start to the last glyph's end, and when a cluster ends with a mark
//! drawn back over its base (ু, or a reph) that end lies left of where the next letter
//! starts, so `pdftotext` saw a word break inside চুক্তি. Such a cluster is joined with
//! the next one (all their glyphs get the joined text range), so its span ends where the
//! following letter ends.

use typst::layout::{Abs, Em, Frame, FrameItem, Point};
use typst::model::Document;
use typst::text::TextItem;
use typst_layout::PagedDocument;

/// Distance under which two positions count as the same (layout rounding only).
const EPSILON: f64 = 1e-3;

/// How far (in em) a cluster's last glyph may end short of the cluster's advance before
/// a text extractor would see a word break there (poppler breaks at 0.1 em).
const RAGGED_EM: f64 = 0.05;

/// Returns `document` with every glyph cluster that typst split across text runs joined.
pub(crate) fn join_split_clusters(document: &PagedDocument) -> PagedDocument {
    let pages = document
        .pages()
        .iter()
        .map(|page| {
            let mut page = page.clone();
            join_in_frame(&mut page.frame);
            page
        })
        .collect();
    PagedDocument::new(pages, document.info().clone())
}

fn join_in_frame(frame: &mut Frame) {
    let mut items: Vec<(Point, FrameItem)> = Vec::with_capacity(frame.items().len());
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let mut group = group.clone();
                join_in_frame(&mut group.frame);
                items.push((*pos, FrameItem::Group(group)));
            }
            FrameItem::Text(next) => {
                if let Some((prev_pos, FrameItem::Text(prev))) = items.last_mut()
                    && let Some(merged) = merge_runs(*prev_pos, prev, *pos, next)
                {
                    *prev = merged;
                } else {
                    items.push((*pos, item.clone()));
                }
            }
            other => items.push((*pos, other.clone())),
        }
    }
    for (_, item) in &mut items {
        if let FrameItem::Text(text) = item {
            join_ragged_clusters(text);
        }
    }
    frame.clear();
    frame.push_multiple(items);
}

/// Merges `next` (drawn at `next_pos`) into `prev` (drawn at `prev_pos`) when both are parts
/// of one shaped line: same style, `next` drawn where `prev` ends, and `next`'s text either
/// continues the cluster `prev` ends with or starts right after it (proven by the source
/// position typst records per glyph). Returns `None` otherwise.
fn merge_runs(
    prev_pos: Point,
    prev: &TextItem,
    next_pos: Point,
    next: &TextItem,
) -> Option<TextItem> {
    let last = prev.glyphs.last()?;
    let first = next.glyphs.first()?;

    let same_style = prev.font == next.font
        && prev.size == next.size
        && prev.fill == next.fill
        && prev.stroke == next.stroke
        && prev.lang == next.lang
        && prev.region == next.region
        && prev.size > Abs::zero();
    let adjacent = (prev_pos.x + prev.width() - next_pos.x).abs() < Abs::pt(EPSILON);
    let cluster = prev.text.get(last.range())?;
    let at_edges = first.range.start == 0 && usize::from(last.range.end) == prev.text.len();
    // Typst records per glyph the span of the text it came from and the byte offset of its
    // cluster in that text (detached for strings from `sys.inputs`, but the offsets still
    // count within the string); both halves of a cluster carry the same pair.
    let traced = last.span.0 == first.span.0;
    if !(same_style && adjacent && at_edges && traced) {
        return None;
    }

    // Either the boundary falls inside one cluster (same source position, same text) …
    let shared = if last.span.1 == first.span.1 && next.text.get(first.range()) == Some(cluster) {
        cluster.len()
    // … or `next` starts right after the cluster `prev` ends with.
    } else if usize::from(first.span.1) == usize::from(last.span.1) + cluster.len() {
        0
    } else {
        return None;
    };

    let shift = u16::try_from(prev.text.len() - shared).ok()?;
    let mut merged = prev.clone();
    merged.text.push_str(next.text.get(shared..)?);
    u16::try_from(merged.text.len()).ok()?;
    let lift = Em::new((prev_pos.y - next_pos.y) / prev.size);
    merged.glyphs.extend(next.glyphs.iter().map(|glyph| {
        let mut glyph = glyph.clone();
        glyph.range = glyph.range.start + shift..glyph.range.end + shift;
        glyph.y_offset += lift;
        glyph
    }));
    Some(merged)
}

/// Gives a cluster whose last glyph ends short of the cluster's advance the same text range
/// as the cluster after it (unless that one is whitespace, which breaks the word anyway).
fn join_ragged_clusters(item: &mut TextItem) {
    // Clusters as runs of glyphs sharing one text range, in drawing order.
    let mut clusters: Vec<std::ops::Range<usize>> = Vec::new();
    for (index, glyph) in item.glyphs.iter().enumerate() {
        match clusters.last_mut() {
            Some(run) if item.glyphs[run.start].range == glyph.range => run.end = index + 1,
            _ => clusters.push(index..index + 1),
        }
    }
    // Only left-to-right runs whose clusters follow each other in the text.
    let contiguous = clusters
        .windows(2)
        .all(|pair| item.glyphs[pair[0].start].range.end == item.glyphs[pair[1].start].range.start);
    if clusters.len() < 2 || !contiguous {
        return;
    }

    // Where each cluster's last glyph ends, against where the cluster's advance ends.
    let mut pen = 0.0;
    let mut ragged = Vec::with_capacity(clusters.len());
    for run in &clusters {
        let mut last_end = pen;
        for glyph in &item.glyphs[run.clone()] {
            let drawn = item.font.x_advance(glyph.id).map_or(0.0, Em::get);
            last_end = pen + glyph.x_offset.get() + drawn;
            pen += glyph.x_advance.get();
        }
        ragged.push(last_end < pen - RAGGED_EM);
    }

    let mut start = 0;
    while start < clusters.len() {
        let mut end = start;
        while end + 1 < clusters.len()
            && ragged[end]
            && !is_whitespace(item, clusters[end + 1].start)
        {
            end += 1;
        }
        if end > start {
            let range = item.glyphs[clusters[start].start].range.start
                ..item.glyphs[clusters[end].start].range.end;
            for glyph in &mut item.glyphs[clusters[start].start..clusters[end].end] {
                glyph.range = range.clone();
            }
        }
        start = end + 1;
    }
}

fn is_whitespace(item: &TextItem, glyph: usize) -> bool {
    item.glyphs
        .get(glyph)
        .and_then(|glyph| item.text.get(glyph.range()))
        .is_none_or(|text| text.chars().all(char::is_whitespace))
}
