//! Each use case on its own, on the real storage: short tests named for what breaks.

mod awards;
mod backups;
mod charters;
mod decisions;
mod innovations;
mod meetings;
mod memos;
mod sessions;
mod setup;
mod support;
mod teams;
