//! The dependency rule of ARCHITECTURE.md, checked against `cargo metadata`: a crate that gains a
//! forbidden dependency fails this test.

use std::collections::{BTreeMap, BTreeSet};

/// For each crate of ours, the crates of ours it may depend on (normal dependencies).
fn allowed() -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    BTreeMap::from([
        ("bangla", BTreeSet::new()),
        ("udbhabon_domain", BTreeSet::from(["bangla"])),
        ("udbhabon_db", BTreeSet::from(["udbhabon_domain"])),
        (
            "udbhabon_i18n",
            BTreeSet::from(["bangla", "udbhabon_domain"]),
        ),
        (
            "udbhabon_docs",
            BTreeSet::from(["bangla", "udbhabon_domain", "udbhabon_i18n"]),
        ),
        (
            "udbhabon_core",
            BTreeSet::from([
                "bangla",
                "udbhabon_domain",
                "udbhabon_db",
                "udbhabon_i18n",
                "udbhabon_docs",
            ]),
        ),
        (
            "udbhabon_web",
            BTreeSet::from([
                "bangla",
                "udbhabon_core",
                "udbhabon_domain",
                "udbhabon_i18n",
            ]),
        ),
        (
            "udbhabon",
            BTreeSet::from([
                "bangla",
                "udbhabon_core",
                "udbhabon_db",
                "udbhabon_domain",
                "udbhabon_i18n",
                "udbhabon_docs",
                "udbhabon_web",
            ]),
        ),
    ])
}

/// Heavy or layer-specific third-party crates, and the only crates of ours allowed to use them.
fn confined() -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    BTreeMap::from([
        ("sea-orm", BTreeSet::from(["udbhabon_db"])),
        ("sea-orm-migration", BTreeSet::from(["udbhabon_db"])),
        ("typst", BTreeSet::from(["udbhabon_docs"])),
        ("axum", BTreeSet::from(["udbhabon_web", "udbhabon"])),
        ("askama", BTreeSet::from(["udbhabon_web"])),
        (
            "tokio",
            BTreeSet::from(["udbhabon_core", "udbhabon_web", "udbhabon"]),
        ),
    ])
}

#[test]
fn no_crate_depends_on_a_layer_the_architecture_forbids() {
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.toml"))
        .no_deps()
        .exec()
        .expect("cargo metadata runs");
    let allowed = allowed();
    let confined = confined();
    let mut violations = Vec::new();
    for package in &metadata.packages {
        let name = package.name.as_str();
        let Some(permitted) = allowed.get(name) else {
            violations.push(format!(
                "{name} is a new crate: add it to the table in ARCHITECTURE.md and this test"
            ));
            continue;
        };
        for dependency in package
            .dependencies
            .iter()
            .filter(|d| d.kind == cargo_metadata::DependencyKind::Normal)
        {
            let target = dependency.name.as_str();
            if allowed.contains_key(target) && !permitted.contains(target) {
                violations.push(format!("{name} must not depend on {target}"));
            }
            if let Some(users) = confined.get(target)
                && !users.contains(name)
            {
                violations.push(format!(
                    "{name} must not depend on {target} (only {users:?} may)"
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "dependency rule broken:\n{}",
        violations.join("\n")
    );
}
