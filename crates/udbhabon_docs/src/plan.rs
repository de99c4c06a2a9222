//! A plan and its progress in the Cabinet Division's column layout, as an XLSX sheet and as a landscape
//! PDF: two header rows with the target and quarter columns grouped under merged headings, and each
//! area and activity merged down the rows of its indicators.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};
use serde::Serialize;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::render::{Language, input, render_pdf};

const TEMPLATE: &str = include_str!("../templates/plan.typ");

/// Everything the sheet prints, as localized strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanSheet {
    pub title: String,
    pub office: String,
    /// The headings of the columns that span both header rows, before the targets: area, marks,
    /// activity, indicator, unit, indicator marks, the two previous years.
    pub lead_headings: [String; 8],
    /// The heading over the five target columns, and theirs.
    pub targets_heading: String,
    pub band_headings: [String; 5],
    /// The heading over the four quarter columns, and theirs.
    pub quarters_heading: String,
    pub quarter_headings: [String; 4],
    /// The headings after the quarters: achievement, marks earned.
    pub tail_headings: [String; 2],
    pub areas: Vec<SheetArea>,
    /// The total line: its label and the plan's marks.
    pub total: (String, String),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetArea {
    pub title: String,
    pub marks: String,
    pub activities: Vec<SheetActivity>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetActivity {
    pub title: String,
    pub indicators: Vec<SheetIndicator>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetIndicator {
    pub title: String,
    pub unit: String,
    pub weight: String,
    pub previous: [String; 2],
    pub targets: [String; 5],
    pub quarters: [String; 4],
    pub achieved: String,
    pub score: String,
}

/// Renders the plan sheet as a landscape A4 PDF whose header rows repeat on every page.
pub fn plan_pdf(fonts: &Fonts, language: Language, plan: &PlanSheet) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        fonts,
        "/plan.typ",
        TEMPLATE,
        language,
        vec![("sheet", input(plan)?)],
    )
}

fn failed(error: impl std::fmt::Display) -> DocsError {
    DocsError::TableWrite(error.to_string())
}

/// Merges a block of cells when it spans more than one, or writes the single cell.
fn block(
    sheet: &mut Worksheet,
    (first_row, first_col): (u32, u16),
    (last_row, last_col): (u32, u16),
    text: &str,
    format: &Format,
) -> Result<(), DocsError> {
    if first_row == last_row && first_col == last_col {
        sheet
            .write_string_with_format(first_row, first_col, text, format)
            .map_err(failed)?;
    } else {
        sheet
            .merge_range(first_row, first_col, last_row, last_col, text, format)
            .map_err(failed)?;
    }
    Ok(())
}

/// Writes the plan sheet as an XLSX file.
pub fn plan_xlsx(plan: &PlanSheet) -> Result<Vec<u8>, DocsError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color("E3F0EC");
    let cell = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    sheet
        .write_string_with_format(0, 0, &plan.title, &bold)
        .map_err(failed)?;
    sheet.write_string(1, 0, &plan.office).map_err(failed)?;
    let (top, second) = (3u32, 4u32);
    let mut column: u16 = 0;
    for heading in &plan.lead_headings {
        block(sheet, (top, column), (second, column), heading, &header)?;
        column += 1;
    }
    block(
        sheet,
        (top, column),
        (top, column + 4),
        &plan.targets_heading,
        &header,
    )?;
    for (offset, heading) in (0u16..).zip(&plan.band_headings) {
        block(
            sheet,
            (second, column + offset),
            (second, column + offset),
            heading,
            &header,
        )?;
    }
    column += 5;
    block(
        sheet,
        (top, column),
        (top, column + 3),
        &plan.quarters_heading,
        &header,
    )?;
    for (offset, heading) in (0u16..).zip(&plan.quarter_headings) {
        block(
            sheet,
            (second, column + offset),
            (second, column + offset),
            heading,
            &header,
        )?;
    }
    column += 4;
    for heading in &plan.tail_headings {
        block(sheet, (top, column), (second, column), heading, &header)?;
        column += 1;
    }
    let mut row = second + 1;
    for area in &plan.areas {
        let area_rows: usize = area
            .activities
            .iter()
            .map(|activity| activity.indicators.len())
            .sum();
        let Some(area_last) = u32::try_from(area_rows)
            .ok()
            .and_then(|rows| (row + rows).checked_sub(1))
        else {
            continue;
        };
        if area_rows == 0 {
            continue;
        }
        block(sheet, (row, 0), (area_last, 0), &area.title, &cell)?;
        block(sheet, (row, 1), (area_last, 1), &area.marks, &cell)?;
        for activity in &area.activities {
            let rows = u32::try_from(activity.indicators.len()).map_err(failed)?;
            if rows == 0 {
                continue;
            }
            block(sheet, (row, 2), (row + rows - 1, 2), &activity.title, &cell)?;
            for indicator in &activity.indicators {
                let values = [&indicator.title, &indicator.unit, &indicator.weight]
                    .into_iter()
                    .chain(&indicator.previous)
                    .chain(&indicator.targets)
                    .chain(&indicator.quarters)
                    .chain([&indicator.achieved, &indicator.score]);
                for (offset, value) in (3u16..).zip(values) {
                    sheet
                        .write_string_with_format(row, offset, value, &cell)
                        .map_err(failed)?;
                }
                row += 1;
            }
        }
    }
    sheet
        .write_string_with_format(row, 0, &plan.total.0, &bold)
        .map_err(failed)?;
    sheet
        .write_string_with_format(row, column - 1, &plan.total.1, &bold)
        .map_err(failed)?;
    for (index, width) in [18.0, 7.0, 18.0, 30.0, 8.0, 8.0, 10.0, 10.0]
        .into_iter()
        .enumerate()
    {
        sheet
            .set_column_width(u16::try_from(index).map_err(failed)?, width)
            .map_err(failed)?;
    }
    sheet.set_freeze_panes(second + 1, 4).map_err(failed)?;
    workbook.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::read_table;

    fn text(value: &str) -> String {
        value.to_owned()
    }

    fn sheet() -> PlanSheet {
        let indicator = |title: &str| SheetIndicator {
            title: text(title),
            unit: text("%"),
            weight: text("১৫.০০"),
            previous: [text("৪৫"), text("")],
            targets: ["৮০", "৭০", "৬০", "৫০", "৪০"].map(text),
            quarters: ["৫০", "৬০", "", ""].map(text),
            achieved: text("৫৫"),
            score: text("১০.৫০"),
        };
        PlanSheet {
            title: text("ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২২-২০২৩"),
            office: text("কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর"),
            lead_headings: [
                "ক্ষেত্র",
                "মান",
                "কার্যক্রম",
                "সূচক",
                "একক",
                "সূচকের মান",
                "গত বছর",
                "তার আগের বছর",
            ]
            .map(text),
            targets_heading: text("লক্ষ্যমাত্রা/নির্ণায়ক"),
            band_headings: ["অসাধারণ", "অতি উত্তম", "উত্তম", "চলতি মান", "চলতি মানের নিম্নে"].map(text),
            quarters_heading: text("ত্রৈমাসিক অগ্রগতি"),
            quarter_headings: ["১ম", "২য়", "৩য়", "৪র্থ"].map(text),
            tail_headings: ["অর্জন", "প্রাপ্ত নম্বর"].map(text),
            areas: vec![SheetArea {
                title: text("[২] ই-গভর্ন্যান্স"),
                marks: text("২৫"),
                activities: vec![SheetActivity {
                    title: text("[২.১] ই-নথির ব্যবহার"),
                    indicators: vec![
                        indicator("[২.১.১] ই-নথিতে নিষ্পন্ন নথির হার"),
                        indicator("[২.১.২] ই-মেইল"),
                    ],
                }],
            }],
            total: (text("মোট"), text("১০.৫০")),
        }
    }

    #[test]
    fn the_sheet_reads_back_with_grouped_headings_and_one_line_per_indicator() {
        let rows = read_table(&plan_xlsx(&sheet()).unwrap(), &crate::table::TABLE_LIMITS).unwrap();
        assert_eq!(rows[0][0], "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২২-২০২৩");
        assert_eq!(rows[3][8], "লক্ষ্যমাত্রা/নির্ণায়ক");
        assert_eq!(
            rows[4][8..13],
            ["অসাধারণ", "অতি উত্তম", "উত্তম", "চলতি মান", "চলতি মানের নিম্নে"]
        );
        assert_eq!(rows[3][13], "ত্রৈমাসিক অগ্রগতি");
        assert_eq!(rows[5][0], "[২] ই-গভর্ন্যান্স");
        assert_eq!(rows[5][3], "[২.১.১] ই-নথিতে নিষ্পন্ন নথির হার");
        assert_eq!(rows[6][3], "[২.১.২] ই-মেইল");
        assert_eq!(
            rows[6][0], "",
            "the area is one merged cell over its indicators"
        );
        assert_eq!(rows[5][8..13], ["৮০", "৭০", "৬০", "৫০", "৪০"]);
        assert_eq!(rows[7][0], "মোট");
        assert_eq!(rows[7][18], "১০.৫০");
    }
}
