//! Black-box tests: the real application on a free port, driven over HTTP, and the real binary driven
//! from its command line.

mod access;
mod admin;
mod architecture;
mod assessment;
mod awards;
mod browser;
mod bulletin;
mod cache;
mod charter;
mod cli;
mod collections;
mod crash;
mod decisions;
mod embed;
mod faults;
mod feedback;
mod innovation_sheets;
mod innovations;
mod installation;
mod meetings;
mod minutes;
mod minutes_cycle;
mod national;
mod notifications;
mod offices;
mod orders;
mod pages;
mod password;
mod pdf;
mod plans;
mod reminders;
mod server;
mod services;
mod session;
mod trainings;
