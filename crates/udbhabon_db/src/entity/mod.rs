//! SeaORM entities: one module per table, the same on SQLite and PostgreSQL.

// SeaORM's derives generate `pub` items (Entity, Column, ActiveModel) inside these crate-private modules.
#![allow(unreachable_pub)]

pub(crate) mod account;
pub(crate) mod agenda_item;
pub(crate) mod assessment_line;
pub(crate) mod audit_entry;
pub(crate) mod audit_head;
pub(crate) mod collection;
pub(crate) mod collection_forward;
pub(crate) mod collection_period;
pub(crate) mod collection_respondent;
pub(crate) mod decision;
pub(crate) mod decision_evidence;
pub(crate) mod decision_responsible;
pub(crate) mod decision_update;
pub(crate) mod designation;
pub(crate) mod distribution_entry;
pub(crate) mod distribution_list;
pub(crate) mod evidence_file;
pub(crate) mod innovation;
pub(crate) mod innovation_step;
pub(crate) mod issued_document;
pub(crate) mod meeting;
pub(crate) mod meeting_attendance;
pub(crate) mod meeting_invitee;
pub(crate) mod memo_file;
pub(crate) mod memo_register;
pub(crate) mod minutes_comment;
pub(crate) mod office;
pub(crate) mod password_reset;
pub(crate) mod person;
pub(crate) mod plan;
pub(crate) mod plan_activity;
pub(crate) mod plan_area;
pub(crate) mod plan_assessment;
pub(crate) mod plan_indicator;
pub(crate) mod plan_revision;
pub(crate) mod plan_target;
pub(crate) mod plan_template;
pub(crate) mod post;
pub(crate) mod posting;
pub(crate) mod progress_entry;
pub(crate) mod progress_evidence;
pub(crate) mod reminder;
pub(crate) mod role_grant;
pub(crate) mod session;
pub(crate) mod setting;
pub(crate) mod submission;
pub(crate) mod submission_evidence;
pub(crate) mod team;
pub(crate) mod team_order;
pub(crate) mod team_order_draft;
pub(crate) mod team_order_member;
pub(crate) mod team_order_term;
pub(crate) mod unit;
