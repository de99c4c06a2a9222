//! Innovation teams: the roles an office order gives to posts.

pub mod order;

use crate::vocabulary::vocabulary;

vocabulary! {
    /// A post's role in an innovation team, as the constituting office order names it.
    pub enum TeamRole ("team role", "team-role") {
        /// চিফ ইনোভেশন অফিসার: leads a ministry's team (an Additional or Joint Secretary).
        ChiefInnovationOfficer => "chief_innovation_officer",
        /// ইনোভেশন অফিসার: leads an agency's or field office's team.
        InnovationOfficer => "innovation_officer",
        Member => "member",
        /// সহ-সদস্য সচিব: assists the member secretary, as some orders name.
        CoMemberSecretary => "co_member_secretary",
        /// সদস্য সচিব: does the team's daily work.
        MemberSecretary => "member_secretary",
        /// উপদেষ্টা: an adviser to the team, as some orders name the head of the office.
        Adviser => "adviser",
    }
}

impl TeamRole {
    /// Whether the role leads the team: the Chief Innovation Officer of a ministry or division, the
    /// Innovation Officer of an agency or field office.
    pub fn leads(self) -> bool {
        matches!(self, Self::ChiefInnovationOfficer | Self::InnovationOfficer)
    }
}
