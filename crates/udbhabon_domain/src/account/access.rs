//! Who may do what, where: the roles granted to accounts on offices and the rules that read them.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// A role granted to an account on an office; it covers that office and every office below it.
    ///
    /// Not the same thing as [`crate::team::TeamRole`]: an office order gives a team role to a
    /// post, while a role here is what an account may do in the system. A member secretary's
    /// account usually holds `MemberSecretary`, but the two are recorded separately.
    pub enum Role ("role", "role") {
        /// Runs the installation: people, posts, accounts and grants, anywhere.
        SystemAdministrator => "system_administrator",
        /// Runs the team, plan, meetings and collections of the office.
        MemberSecretary => "member_secretary",
        /// Chief Innovation Officer: approves plans and minutes, and signs.
        ChiefInnovationOfficer => "chief_innovation_officer",
        /// Reads the office's records and comments on circulated minutes.
        TeamMember => "team_member",
        /// The office's focal point: submits progress, returns and reports for its office or branch.
        FocalPoint => "focal_point",
        /// Accepts or returns what offices below submit.
        Reviewer => "reviewer",
        /// Reads only.
        Viewer => "viewer",
    }
}

/// Something a person asks to do to an office's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Read public pages and published documents.
    ViewPublished,
    /// Read an office's internal records.
    ViewOfficeRecords,
    /// Compose and issue office orders; hold meetings and draft minutes; run the office's plan
    /// and collections.
    ManageTeam,
    /// Approve plans and minutes, and sign.
    ApproveAndSign,
    /// Comment on minutes circulated to members.
    CommentAsMember,
    /// Submit progress, returns and reports for the office.
    SubmitForOffice,
    /// Accept or return what an office below submitted.
    ReviewSubmission,
    /// Manage people, posts, accounts and grants.
    Administer,
    /// Read the audit history of records.
    ViewAudit,
}

impl Action {
    /// Every action, so other crates can test every role against every route.
    pub const ALL: &'static [Self] = &[
        Self::ViewPublished,
        Self::ViewOfficeRecords,
        Self::ManageTeam,
        Self::ApproveAndSign,
        Self::CommentAsMember,
        Self::SubmitForOffice,
        Self::ReviewSubmission,
        Self::Administer,
        Self::ViewAudit,
    ];
}

impl Role {
    /// Whether this role allows the action at all; [`can`] then decides on which offices.
    ///
    /// This is the permission table: one row per role. A new action is denied to every role
    /// but the system administrator until a row names it.
    pub fn permits(self, action: Action) -> bool {
        use Action as A;
        // Published pages are public, so every role may read them too.
        action == A::ViewPublished
            || match self {
                Self::SystemAdministrator => true,
                Self::MemberSecretary => matches!(
                    action,
                    A::ViewOfficeRecords
                        | A::ManageTeam
                        | A::CommentAsMember
                        | A::SubmitForOffice
                        | A::ViewAudit
                ),
                Self::ChiefInnovationOfficer => matches!(
                    action,
                    A::ViewOfficeRecords | A::ApproveAndSign | A::CommentAsMember | A::ViewAudit
                ),
                Self::TeamMember => matches!(action, A::ViewOfficeRecords | A::CommentAsMember),
                Self::FocalPoint => matches!(action, A::ViewOfficeRecords | A::SubmitForOffice),
                Self::Reviewer => matches!(action, A::ViewOfficeRecords | A::ReviewSubmission),
                Self::Viewer => action == A::ViewOfficeRecords,
            }
    }

    /// Whether a grant of this role reaches every office, whatever office it was granted on.
    ///
    /// Only the system administrator: an installation has one administrator, who must be able to
    /// repair any office's people and grants, so tying the grant to an office would only let a
    /// mistaken grant lock the administrator out of part of the tree.
    pub fn is_global(self) -> bool {
        self == Self::SystemAdministrator
    }
}

/// A role held on an office (and so on every office below it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Grant {
    pub role: Role,
    pub office_id: i32,
}

impl Grant {
    /// Whether this grant alone allows the action on the target office.
    fn allows(self, action: Action, target: &OfficePlace) -> bool {
        if !self.role.permits(action) {
            return false;
        }
        if self.role.is_global() {
            return true;
        }
        if action == Action::ReviewSubmission {
            // A reviewer checks what offices below send up; an office never reviews itself.
            target.is_below(self.office_id)
        } else {
            target.is_within(self.office_id)
        }
    }
}

/// Whoever is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A visitor without an account.
    Public,
    /// A signed-in account and every grant it holds.
    Account { account_id: i32, grants: Vec<Grant> },
}

/// An office and where it sits in the tree, as much as the permission rules need.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OfficePlace {
    id: i32,
    /// Root first, parent last; empty for a top office.
    ancestors: Vec<i32>,
}

/// Why an office's place in the tree could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OfficePathError {
    #[error(
        "an office path lists ancestor ids between slashes, like \"/1/4/\" (\"/\" for a top office); found \"{0}\""
    )]
    Malformed(String),
    #[error(
        "office #{office} cannot have itself or a repeated office among its ancestors {ancestors:?}"
    )]
    Cycle { office: i32, ancestors: Vec<i32> },
}

impl OfficePlace {
    /// An office at the top of the tree, such as a ministry.
    pub fn root(id: i32) -> Self {
        Self {
            id,
            ancestors: Vec::new(),
        }
    }

    /// An office below these ancestors (root first).
    pub fn new(id: i32, ancestors: Vec<i32>) -> Result<Self, OfficePathError> {
        // An office among its own ancestors would be "strictly below" itself, and a reviewer
        // could then review its own office; a repeated ancestor means the same broken tree.
        let mut seen = std::collections::HashSet::with_capacity(ancestors.len() + 1);
        seen.insert(id);
        if !ancestors.iter().all(|ancestor| seen.insert(*ancestor)) {
            return Err(OfficePathError::Cycle {
                office: id,
                ancestors,
            });
        }
        Ok(Self { id, ancestors })
    }

    /// An office from its stored materialized path: "/1/4/" means ancestors 1 then 4, "/" none.
    pub fn from_path(id: i32, path: &str) -> Result<Self, OfficePathError> {
        let malformed = || OfficePathError::Malformed(path.to_owned());
        // A top office is stored as "/"; below it, every id is closed by a slash.
        let ancestors = if path == "/" {
            Vec::new()
        } else {
            path.strip_prefix('/')
                .and_then(|rest| rest.strip_suffix('/'))
                .ok_or_else(malformed)?
                .split('/')
                .map(|segment| parse_id(segment).ok_or_else(malformed))
                .collect::<Result<Vec<_>, _>>()?
        };
        Self::new(id, ancestors)
    }

    /// The office's id.
    pub fn id(&self) -> i32 {
        self.id
    }

    /// The office's ancestors, root first, parent last.
    pub fn ancestors(&self) -> &[i32] {
        &self.ancestors
    }

    /// The materialized path as stored ("/1/4/"), the inverse of [`Self::from_path`].
    pub fn path(&self) -> String {
        let mut path = String::from("/");
        for ancestor in &self.ancestors {
            path.push_str(&ancestor.to_string());
            path.push('/');
        }
        path
    }

    /// Whether this office is `scope` itself or lies anywhere below it.
    pub fn is_within(&self, scope: i32) -> bool {
        self.id == scope || self.is_below(scope)
    }

    /// Whether this office lies below `scope` (and is not `scope` itself).
    pub fn is_below(&self, scope: i32) -> bool {
        self.ancestors.contains(&scope)
    }
}

/// An id segment of a stored path: digits as the database writes them, no sign, no leading zero.
fn parse_id(segment: &str) -> Option<i32> {
    // `str::parse` would also take "+4" and "004"; neither is ever written, so either means the
    // path was corrupted, and prefix queries on the path would not match it anyway.
    let well_formed = segment.bytes().all(|byte| byte.is_ascii_digit())
        && !segment.starts_with('0')
        && !segment.is_empty();
    if well_formed {
        segment.parse().ok()
    } else {
        None
    }
}

/// Whether the principal may do the action on the target office.
///
/// Everybody may read what is published. Otherwise an account may act if any one of its grants
/// allows it: the grant's role permits the action ([`Role::permits`]) and the target is the
/// granted office or below it — strictly below for reviewing submissions. A system
/// administrator's grant reaches every office ([`Role::is_global`]).
pub fn can(principal: &Principal, action: Action, target: &OfficePlace) -> bool {
    if action == Action::ViewPublished {
        return true;
    }
    match principal {
        Principal::Public => false,
        Principal::Account { grants, .. } => {
            grants.iter().any(|grant| grant.allows(action, target))
        }
    }
}

/// Whether the principal may do `action` on every office whatever its place: only a global role
/// (the system administrator) can. Used where there is no single office to check against.
pub fn can_everywhere(principal: &Principal, action: Action) -> bool {
    match principal {
        Principal::Public => action == Action::ViewPublished,
        Principal::Account { grants, .. } => {
            action == Action::ViewPublished
                || grants
                    .iter()
                    .any(|grant| grant.role.is_global() && grant.role.permits(action))
        }
    }
}

/// Every action the principal may do on the target office, in the order of [`Action::ALL`].
pub fn allowed_actions(principal: &Principal, target: &OfficePlace) -> Vec<Action> {
    Action::ALL
        .iter()
        .copied()
        .filter(|action| can(principal, *action, target))
        .collect()
}

#[cfg(test)]
mod everywhere_tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn only_the_system_administrator_may_administer_everywhere() {
        for role in Role::ALL {
            let principal = Principal::Account {
                account_id: 1,
                grants: vec![Grant {
                    role: *role,
                    office_id: 4,
                }],
            };
            assert_eq!(
                can_everywhere(&principal, Action::Administer),
                *role == Role::SystemAdministrator,
                "{role:?}"
            );
            assert!(can_everywhere(&principal, Action::ViewPublished));
        }
        assert!(!can_everywhere(&Principal::Public, Action::Administer));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;
    use proptest::prelude::*;

    // The tree the table test runs on:
    //
    //   1 ministry
    //   ├── 4 agency          ← the grant is made here
    //   │   └── 7 district office
    //   │       └── 9 upazila office
    //   └── 5 agency          (a sibling of 4: unrelated to the grant)
    const GRANTED: i32 = 4;

    fn place(id: i32, path: &str) -> OfficePlace {
        OfficePlace::from_path(id, path).unwrap()
    }

    /// The five target positions, in the column order of `EXPECTED`.
    fn positions() -> [(&'static str, OfficePlace); 5] {
        [
            ("the granted office", place(4, "/1/")),
            ("a child", place(7, "/1/4/")),
            ("a grandchild", place(9, "/1/4/7/")),
            ("an ancestor", place(1, "/")),
            ("an unrelated office", place(5, "/1/")),
        ]
    }

    fn account(grants: &[(Role, i32)]) -> Principal {
        Principal::Account {
            account_id: 42,
            grants: grants
                .iter()
                .map(|&(role, office_id)| Grant { role, office_id })
                .collect(),
        }
    }

    const Y: bool = true;
    const N: bool = false;

    /// Written out by hand from the rules, not computed: columns are the granted office, a child,
    /// a grandchild, an ancestor and an unrelated office.
    #[rustfmt::skip]
    const EXPECTED: &[(Role, Action, [bool; 5])] = {
        use Action as A;
        use Role as R;
        &[
            (R::SystemAdministrator, A::ViewPublished,     [Y, Y, Y, Y, Y]),
            (R::SystemAdministrator, A::ViewOfficeRecords, [Y, Y, Y, Y, Y]),
            (R::SystemAdministrator, A::ManageTeam,        [Y, Y, Y, Y, Y]),
            (R::SystemAdministrator, A::ApproveAndSign,    [Y, Y, Y, Y, Y]),
            (R::SystemAdministrator, A::CommentAsMember,   [Y, Y, Y, Y, Y]),
            (R::SystemAdministrator, A::SubmitForOffice,   [Y, Y, Y, Y, Y]),
            (R::SystemAdministrator, A::ReviewSubmission,  [Y, Y, Y, Y, Y]),
            (R::SystemAdministrator, A::Administer,        [Y, Y, Y, Y, Y]),
            (R::SystemAdministrator, A::ViewAudit,         [Y, Y, Y, Y, Y]),

            (R::MemberSecretary, A::ViewPublished,     [Y, Y, Y, Y, Y]),
            (R::MemberSecretary, A::ViewOfficeRecords, [Y, Y, Y, N, N]),
            (R::MemberSecretary, A::ManageTeam,        [Y, Y, Y, N, N]),
            (R::MemberSecretary, A::ApproveAndSign,    [N, N, N, N, N]),
            (R::MemberSecretary, A::CommentAsMember,   [Y, Y, Y, N, N]),
            (R::MemberSecretary, A::SubmitForOffice,   [Y, Y, Y, N, N]),
            (R::MemberSecretary, A::ReviewSubmission,  [N, N, N, N, N]),
            (R::MemberSecretary, A::Administer,        [N, N, N, N, N]),
            (R::MemberSecretary, A::ViewAudit,         [Y, Y, Y, N, N]),

            (R::ChiefInnovationOfficer, A::ViewPublished,     [Y, Y, Y, Y, Y]),
            (R::ChiefInnovationOfficer, A::ViewOfficeRecords, [Y, Y, Y, N, N]),
            (R::ChiefInnovationOfficer, A::ManageTeam,        [N, N, N, N, N]),
            (R::ChiefInnovationOfficer, A::ApproveAndSign,    [Y, Y, Y, N, N]),
            (R::ChiefInnovationOfficer, A::CommentAsMember,   [Y, Y, Y, N, N]),
            (R::ChiefInnovationOfficer, A::SubmitForOffice,   [N, N, N, N, N]),
            (R::ChiefInnovationOfficer, A::ReviewSubmission,  [N, N, N, N, N]),
            (R::ChiefInnovationOfficer, A::Administer,        [N, N, N, N, N]),
            (R::ChiefInnovationOfficer, A::ViewAudit,         [Y, Y, Y, N, N]),

            (R::TeamMember, A::ViewPublished,     [Y, Y, Y, Y, Y]),
            (R::TeamMember, A::ViewOfficeRecords, [Y, Y, Y, N, N]),
            (R::TeamMember, A::ManageTeam,        [N, N, N, N, N]),
            (R::TeamMember, A::ApproveAndSign,    [N, N, N, N, N]),
            (R::TeamMember, A::CommentAsMember,   [Y, Y, Y, N, N]),
            (R::TeamMember, A::SubmitForOffice,   [N, N, N, N, N]),
            (R::TeamMember, A::ReviewSubmission,  [N, N, N, N, N]),
            (R::TeamMember, A::Administer,        [N, N, N, N, N]),
            (R::TeamMember, A::ViewAudit,         [N, N, N, N, N]),

            (R::FocalPoint, A::ViewPublished,     [Y, Y, Y, Y, Y]),
            (R::FocalPoint, A::ViewOfficeRecords, [Y, Y, Y, N, N]),
            (R::FocalPoint, A::ManageTeam,        [N, N, N, N, N]),
            (R::FocalPoint, A::ApproveAndSign,    [N, N, N, N, N]),
            (R::FocalPoint, A::CommentAsMember,   [N, N, N, N, N]),
            (R::FocalPoint, A::SubmitForOffice,   [Y, Y, Y, N, N]),
            (R::FocalPoint, A::ReviewSubmission,  [N, N, N, N, N]),
            (R::FocalPoint, A::Administer,        [N, N, N, N, N]),
            (R::FocalPoint, A::ViewAudit,         [N, N, N, N, N]),

            (R::Reviewer, A::ViewPublished,     [Y, Y, Y, Y, Y]),
            (R::Reviewer, A::ViewOfficeRecords, [Y, Y, Y, N, N]),
            (R::Reviewer, A::ManageTeam,        [N, N, N, N, N]),
            (R::Reviewer, A::ApproveAndSign,    [N, N, N, N, N]),
            (R::Reviewer, A::CommentAsMember,   [N, N, N, N, N]),
            (R::Reviewer, A::SubmitForOffice,   [N, N, N, N, N]),
            (R::Reviewer, A::ReviewSubmission,  [N, Y, Y, N, N]),
            (R::Reviewer, A::Administer,        [N, N, N, N, N]),
            (R::Reviewer, A::ViewAudit,         [N, N, N, N, N]),

            (R::Viewer, A::ViewPublished,     [Y, Y, Y, Y, Y]),
            (R::Viewer, A::ViewOfficeRecords, [Y, Y, Y, N, N]),
            (R::Viewer, A::ManageTeam,        [N, N, N, N, N]),
            (R::Viewer, A::ApproveAndSign,    [N, N, N, N, N]),
            (R::Viewer, A::CommentAsMember,   [N, N, N, N, N]),
            (R::Viewer, A::SubmitForOffice,   [N, N, N, N, N]),
            (R::Viewer, A::ReviewSubmission,  [N, N, N, N, N]),
            (R::Viewer, A::Administer,        [N, N, N, N, N]),
            (R::Viewer, A::ViewAudit,         [N, N, N, N, N]),
        ]
    };

    #[test]
    fn the_expected_table_has_exactly_one_row_per_role_and_action() {
        for role in Role::ALL {
            for action in Action::ALL {
                let rows = EXPECTED
                    .iter()
                    .filter(|(r, a, _)| r == role && a == action)
                    .count();
                assert_eq!(rows, 1, "{role:?} × {action:?}");
            }
        }
        assert_eq!(EXPECTED.len(), Role::ALL.len() * Action::ALL.len());
    }

    #[test]
    fn a_single_grant_allows_exactly_what_the_written_table_says_at_every_position() {
        let mut wrong = Vec::new();
        for &(role, action, expected) in EXPECTED {
            let principal = account(&[(role, GRANTED)]);
            for ((position, target), expected) in positions().iter().zip(expected) {
                if can(&principal, action, target) != expected {
                    wrong.push(format!(
                        "{role:?} on office {GRANTED}, {action:?} on {position}: expected {expected}"
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn a_role_permits_an_action_exactly_when_the_table_allows_it_somewhere() {
        for &(role, action, expected) in EXPECTED {
            assert_eq!(
                role.permits(action),
                expected.contains(&true),
                "{role:?} × {action:?}"
            );
        }
    }

    #[test]
    fn allowed_actions_lists_what_can_allows_in_table_order() {
        for role in Role::ALL {
            let principal = account(&[(*role, GRANTED)]);
            for (_, target) in positions() {
                let expected: Vec<Action> = EXPECTED
                    .iter()
                    .filter(|(r, _, _)| r == role)
                    .filter(|(_, action, _)| can(&principal, *action, &target))
                    .map(|(_, action, _)| *action)
                    .collect();
                assert_eq!(allowed_actions(&principal, &target), expected);
            }
        }
    }

    #[test]
    fn a_visitor_without_an_account_may_only_view_published_pages() {
        for (_, target) in positions() {
            for action in Action::ALL {
                assert_eq!(
                    can(&Principal::Public, *action, &target),
                    *action == Action::ViewPublished,
                    "{action:?}"
                );
            }
            assert_eq!(
                allowed_actions(&Principal::Public, &target),
                [Action::ViewPublished]
            );
        }
    }

    #[test]
    fn an_account_without_grants_may_only_view_published_pages() {
        let principal = account(&[]);
        for (_, target) in positions() {
            assert_eq!(
                allowed_actions(&principal, &target),
                [Action::ViewPublished]
            );
        }
    }

    #[test]
    fn several_grants_combine_so_that_any_one_allowing_suffices() {
        // A team member of the agency who is also focal point of one district office below it.
        let principal = account(&[(Role::TeamMember, 4), (Role::FocalPoint, 7)]);
        let agency = place(4, "/1/");
        let district = place(7, "/1/4/");
        let upazila = place(9, "/1/4/7/");

        assert!(can(&principal, Action::CommentAsMember, &district));
        assert!(can(&principal, Action::SubmitForOffice, &district));
        assert!(can(&principal, Action::SubmitForOffice, &upazila));
        assert!(can(&principal, Action::CommentAsMember, &agency));
        assert!(!can(&principal, Action::SubmitForOffice, &agency));
        assert_eq!(
            allowed_actions(&principal, &district),
            [
                Action::ViewPublished,
                Action::ViewOfficeRecords,
                Action::CommentAsMember,
                Action::SubmitForOffice,
            ]
        );
    }

    #[test]
    fn a_reviewer_who_also_submits_reviews_below_but_not_its_own_submission() {
        let principal = account(&[(Role::Reviewer, 4), (Role::FocalPoint, 4)]);
        let agency = place(4, "/1/");
        let district = place(7, "/1/4/");
        assert!(can(&principal, Action::SubmitForOffice, &agency));
        assert!(!can(&principal, Action::ReviewSubmission, &agency));
        assert!(can(&principal, Action::ReviewSubmission, &district));
    }

    #[test]
    fn a_reviewer_never_reviews_its_own_office_at_any_level() {
        for (id, path) in [(1, "/"), (4, "/1/"), (7, "/1/4/"), (9, "/1/4/7/")] {
            let principal = account(&[(Role::Reviewer, id)]);
            let own = place(id, path);
            assert!(!can(&principal, Action::ReviewSubmission, &own), "{id}");
            assert!(can(&principal, Action::ViewOfficeRecords, &own), "{id}");
        }
    }

    #[test]
    fn a_reviewer_on_a_field_office_cannot_review_the_office_above_it() {
        let principal = account(&[(Role::Reviewer, 7)]);
        assert!(!can(&principal, Action::ReviewSubmission, &place(4, "/1/")));
        assert!(can(
            &principal,
            Action::ReviewSubmission,
            &place(9, "/1/4/7/")
        ));
    }

    #[test]
    fn a_system_administrator_granted_on_a_field_office_acts_on_an_unrelated_tree() {
        let principal = account(&[(Role::SystemAdministrator, 9)]);
        let other_ministry = place(30, "/");
        let its_agency = place(31, "/30/");
        for target in [&other_ministry, &its_agency] {
            assert_eq!(allowed_actions(&principal, target), Action::ALL);
        }
    }

    #[test]
    fn only_the_system_administrator_is_global() {
        let global: Vec<_> = Role::ALL.iter().filter(|role| role.is_global()).collect();
        assert_eq!(global, [&Role::SystemAdministrator]);
    }

    #[test]
    fn action_all_lists_every_action_once() {
        // Adding an action fails to compile here: add it to `Action::ALL` as well.
        fn listed(action: Action) -> bool {
            match action {
                Action::ViewPublished
                | Action::ViewOfficeRecords
                | Action::ManageTeam
                | Action::ApproveAndSign
                | Action::CommentAsMember
                | Action::SubmitForOffice
                | Action::ReviewSubmission
                | Action::Administer
                | Action::ViewAudit => Action::ALL.contains(&action),
            }
        }
        assert!(Action::ALL.iter().all(|action| listed(*action)));
        let distinct: std::collections::HashSet<_> = Action::ALL.iter().collect();
        assert_eq!(distinct.len(), 9);
        assert_eq!(Action::ALL.len(), 9);
    }

    #[test]
    fn role_codes_and_message_keys_are_stable() {
        assert_eq!(
            Role::ChiefInnovationOfficer.code(),
            "chief_innovation_officer"
        );
        assert_eq!(
            Role::SystemAdministrator.message_key(),
            "role-system-administrator"
        );
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Ok(*role));
        }
        assert!(Role::from_code("superuser").is_err());
    }

    #[test]
    fn a_top_office_path_has_no_ancestors() {
        let ministry = place(1, "/");
        assert_eq!(ministry.ancestors(), &[] as &[i32]);
        assert_eq!(ministry, OfficePlace::root(1));
        assert!(ministry.is_within(1));
        assert!(!ministry.is_below(1));
    }

    #[test]
    fn a_path_lists_ancestors_root_first() {
        let district = place(7, "/1/4/");
        assert_eq!(district.id(), 7);
        assert_eq!(district.ancestors(), [1, 4]);
        assert_eq!(district.path(), "/1/4/");
        assert!(district.is_within(7) && district.is_within(4) && district.is_within(1));
        assert!(district.is_below(4) && district.is_below(1) && !district.is_below(7));
        assert!(!district.is_within(5) && !district.is_within(9));
    }

    #[test]
    fn malformed_paths_are_rejected() {
        for path in [
            "",
            "1/4/",
            "/1/4",
            "//",
            "/1//4/",
            "/a/",
            "/-1/",
            "/+1/",
            "/ 1/",
            "/0/",
            "/04/",
            "/99999999999/",
            "/১/",
        ] {
            assert_eq!(
                OfficePlace::from_path(7, path),
                Err(OfficePathError::Malformed(path.to_owned())),
                "{path:?}"
            );
        }
    }

    #[test]
    fn a_path_naming_the_office_itself_or_an_ancestor_twice_is_a_cycle() {
        assert_eq!(
            OfficePlace::from_path(4, "/1/4/"),
            Err(OfficePathError::Cycle {
                office: 4,
                ancestors: vec![1, 4]
            })
        );
        assert!(matches!(
            OfficePlace::from_path(7, "/1/4/1/"),
            Err(OfficePathError::Cycle { .. })
        ));
        assert!(matches!(
            OfficePlace::new(7, vec![7]),
            Err(OfficePathError::Cycle { .. })
        ));
    }

    #[test]
    fn the_malformed_path_message_shows_the_expected_shape() {
        let message = OfficePlace::from_path(1, "1/4").unwrap_err().to_string();
        assert!(
            message.contains("\"/1/4/\"") && message.contains("\"1/4\""),
            "{message}"
        );
    }

    /// A random forest of up to 12 offices: office `k` (1-based) has a parent among offices
    /// `1..k`, or none; returned as each office's parent.
    fn forest() -> impl Strategy<Value = Vec<Option<i32>>> {
        prop::collection::vec(any::<prop::sample::Index>(), 1..=12).prop_map(|picks| {
            picks
                .iter()
                .enumerate()
                .map(|(k, pick)| {
                    // Choice 0 means "a top office"; choice j means office j.
                    let choice = pick.index(k + 1);
                    (choice > 0).then(|| i32::try_from(choice).unwrap())
                })
                .collect()
        })
    }

    fn parent_of(parents: &[Option<i32>], id: i32) -> Option<i32> {
        parents[usize::try_from(id - 1).unwrap()]
    }

    fn place_in(parents: &[Option<i32>], id: i32) -> OfficePlace {
        let mut ancestors = Vec::new();
        let mut current = parent_of(parents, id);
        while let Some(ancestor) = current {
            ancestors.push(ancestor);
            current = parent_of(parents, ancestor);
        }
        ancestors.reverse();
        OfficePlace::new(id, ancestors).unwrap()
    }

    /// Walks up the parent links, independently of `OfficePlace`.
    fn lies_within(parents: &[Option<i32>], target: i32, scope: i32) -> bool {
        let mut current = Some(target);
        while let Some(id) = current {
            if id == scope {
                return true;
            }
            current = parent_of(parents, id);
        }
        false
    }

    proptest! {
        #[test]
        fn no_grant_reaches_outside_its_subtree_except_a_system_administrator_or_published_pages(
            parents in forest(),
            picks in prop::collection::vec(
                (prop::sample::select(Role::ALL), any::<prop::sample::Index>()),
                0..4,
            ),
            target_pick in any::<prop::sample::Index>(),
            action in prop::sample::select(Action::ALL),
        ) {
            let office_count = parents.len();
            let office = |pick: &prop::sample::Index| i32::try_from(pick.index(office_count) + 1).unwrap();
            let grants: Vec<(Role, i32)> = picks.iter().map(|(role, pick)| (*role, office(pick))).collect();
            let target_id = office(&target_pick);
            let target = place_in(&parents, target_id);
            let principal = account(&grants);

            let outside_every_grant = grants
                .iter()
                .all(|&(_, scope)| !lies_within(&parents, target_id, scope));
            if outside_every_grant {
                let administrator = grants.iter().any(|(role, _)| *role == Role::SystemAdministrator);
                prop_assert_eq!(
                    can(&principal, action, &target),
                    administrator || action == Action::ViewPublished
                );
            }
            // Reviewing needs an administrator or a reviewer's grant on an office strictly above.
            if action == Action::ReviewSubmission {
                let expected = grants.iter().any(|&(role, scope)| {
                    role == Role::SystemAdministrator
                        || (role == Role::Reviewer
                            && scope != target_id
                            && lies_within(&parents, target_id, scope))
                });
                prop_assert_eq!(can(&principal, action, &target), expected);
            }
        }

        #[test]
        fn a_place_reads_back_from_the_path_it_writes(parents in forest(), pick in any::<prop::sample::Index>()) {
            let id = i32::try_from(pick.index(parents.len()) + 1).unwrap();
            let original = place_in(&parents, id);
            prop_assert_eq!(OfficePlace::from_path(id, &original.path()), Ok(original));
        }
    }
}
