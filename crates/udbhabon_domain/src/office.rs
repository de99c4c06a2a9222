//! Offices (ministries, agencies, field offices) and the units inside them (wings, branches, sections, cells).

use crate::vocabulary::vocabulary;

vocabulary! {
    /// What kind of government body an office is. A Secretariat Division and an administrative
    /// division share the Bengali word বিভাগ but are different kinds (domain.md §1.1).
    pub enum OfficeKind ("office kind", "office-kind") {
        Ministry => "ministry",
        /// A Secretariat Division such as the Cabinet Division.
        Division => "division",
        Department => "department",
        Board => "board",
        Tribunal => "tribunal",
        Foundation => "foundation",
        Fund => "fund",
        /// A field office at administrative-division level.
        DivisionalOffice => "divisional_office",
        DistrictOffice => "district_office",
        UpazilaOffice => "upazila_office",
    }
}

vocabulary! {
    /// The level of a unit inside an office (Secretariat Instructions terminology).
    pub enum UnitLevel ("unit level", "unit-level") {
        /// অনুবিভাগ, led by a Joint or Additional Secretary.
        Wing => "wing",
        /// অধিশাখা, led by a Deputy Secretary.
        Branch => "branch",
        /// শাখা.
        Section => "section",
        /// সেল, such as the ICT Cell.
        Cell => "cell",
        /// The office of a head, such as সচিবের দপ্তর.
        HeadOffice => "head_office",
    }
}

impl OfficeKind {
    /// Whether offices of this kind sit in the field rather than at headquarters.
    pub fn is_field_office(self) -> bool {
        matches!(
            self,
            Self::DivisionalOffice | Self::DistrictOffice | Self::UpazilaOffice
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn only_divisional_district_and_upazila_offices_are_field_offices() {
        let field: Vec<_> = OfficeKind::ALL
            .iter()
            .filter(|kind| kind.is_field_office())
            .collect();
        assert_eq!(
            field,
            [
                &OfficeKind::DivisionalOffice,
                &OfficeKind::DistrictOffice,
                &OfficeKind::UpazilaOffice
            ]
        );
    }
}
