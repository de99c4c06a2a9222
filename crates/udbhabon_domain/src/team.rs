//! Innovation teams: the roles an office order gives to posts.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// A post's role in an innovation team, as the constituting office order names it.
    pub enum TeamRole ("team role", "team-role") {
        /// চিফ ইনোভেশন অফিসার: leads a ministry's team (an Additional or Joint Secretary).
        ChiefInnovationOfficer => "chief_innovation_officer",
        /// ইনোভেশন অফিসার: leads an agency's or field office's team.
        InnovationOfficer => "innovation_officer",
        Member => "member",
        /// সদস্য সচিব: does the team's daily work.
        MemberSecretary => "member_secretary",
    }
}

impl TeamRole {
    /// Whether the role leads the team: the Chief Innovation Officer of a ministry or division, the
    /// Innovation Officer of an agency or field office.
    pub fn leads(self) -> bool {
        matches!(self, Self::ChiefInnovationOfficer | Self::InnovationOfficer)
    }

    /// Order in which roles are listed on a team page: the lead first, the member secretary last,
    /// as office orders print them.
    pub fn rank(self) -> u8 {
        match self {
            Self::ChiefInnovationOfficer | Self::InnovationOfficer => 0,
            Self::Member => 1,
            Self::MemberSecretary => 2,
        }
    }
}
