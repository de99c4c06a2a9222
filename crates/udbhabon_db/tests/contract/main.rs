//! The storage contract: every query behaves the same on SQLite and, when `UDBHABON_TEST_POSTGRES`
//! holds a URL, on PostgreSQL. Each test gets a database of its own.

mod accounts;
mod audit;
mod awards;
mod charters;
mod collections;
mod feedback;
mod fixtures;
mod innovation_search;
mod innovations;
mod meetings;
mod memos;
mod offices;
mod orders;
mod people;
mod plans;
mod registers;
mod reminders;
mod schedules;
mod schema;
mod services;
mod support;
mod teams;
mod trainings;
mod tutorials;
