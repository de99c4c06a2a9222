//! The web interface: routes, pages in Bengali and English, static assets, and the operations
//! endpoints (`/health`, `/metrics`). Pages are small server-rendered HTML that works without JavaScript.

mod account;
mod admin;
mod assessment;
mod assets;
mod auth;
mod award;
mod chart;
mod collection;
mod collection_board;
mod dashboard;
mod error;
mod extract;
mod follow_up;
mod form;
mod history;
mod home;
mod innovation;
mod innovation_table;
mod lang;
mod layout;
mod limits;
mod meeting;
mod memo;
mod minutes;
mod notification;
mod office;
mod office_admin;
mod ops;
mod order;
mod pager;
mod password;
mod plan;
mod progress;
mod routes;
mod schedule;
mod security;
mod session;
mod showcase;
mod state;
mod submission;
mod team;
mod upload;

pub use routes::{Access, ROUTES, router};
pub use state::AppState;
