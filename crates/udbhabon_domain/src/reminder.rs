//! When reminders of a deadline go out: so many days before it, once it has passed, and when it is
//! escalated to the office above.

use chrono::NaiveDate;

/// The days around a deadline on which reminders go out, as configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderSchedule {
    /// Days before the deadline, such as 3 and 1 (in any order).
    pub days_before: Vec<u32>,
    /// Days after the deadline when a collection still missing is escalated to the office above.
    pub escalate_after: u32,
}

impl Default for ReminderSchedule {
    fn default() -> Self {
        Self {
            days_before: vec![3, 1],
            escalate_after: 3,
        }
    }
}

/// One reminder in a deadline's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReminderStep {
    /// Due within this many days (the nearest configured day not yet passed).
    Before(u32),
    /// The deadline has passed.
    Overdue,
    /// Escalated to the office above, some days after the deadline.
    Escalated,
}

impl ReminderStep {
    /// The stable code a sent reminder is recorded under ("before_3", "overdue", "escalated").
    pub fn code(self) -> String {
        match self {
            Self::Before(days) => format!("before_{days}"),
            Self::Overdue => "overdue".into(),
            Self::Escalated => "escalated".into(),
        }
    }
}

impl ReminderSchedule {
    /// The reminder due today to those who must meet the deadline: for "3 and 1 days before", three
    /// or two days before is the 3-day reminder and one day before or the day itself the 1-day one,
    /// so a runner that missed a day still sends the nearest; after the deadline, the overdue one.
    pub fn step(&self, due_on: NaiveDate, today: NaiveDate) -> Option<ReminderStep> {
        let days_left = (due_on - today).num_days();
        if days_left < 0 {
            return Some(ReminderStep::Overdue);
        }
        self.days_before
            .iter()
            .copied()
            .filter(|days| i64::from(*days) >= days_left)
            .min()
            .map(ReminderStep::Before)
    }

    /// Whether a deadline missed is escalated to the office above by today.
    pub fn escalates(&self, due_on: NaiveDate, today: NaiveDate) -> bool {
        (today - due_on).num_days() >= i64::from(self.escalate_after.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_nearest_configured_day_is_the_one_sent() {
        let schedule = ReminderSchedule::default();
        let due = day("2026-12-03");
        assert_eq!(schedule.step(due, day("2026-11-29")), None);
        assert_eq!(
            schedule.step(due, day("2026-11-30")),
            Some(ReminderStep::Before(3))
        );
        assert_eq!(
            schedule.step(due, day("2026-12-01")),
            Some(ReminderStep::Before(3))
        );
        assert_eq!(
            schedule.step(due, day("2026-12-02")),
            Some(ReminderStep::Before(1))
        );
        assert_eq!(
            schedule.step(due, day("2026-12-03")),
            Some(ReminderStep::Before(1))
        );
        assert_eq!(
            schedule.step(due, day("2026-12-04")),
            Some(ReminderStep::Overdue)
        );
        assert_eq!(ReminderStep::Before(3).code(), "before_3");
    }

    #[test]
    fn escalation_waits_the_configured_days_after_the_deadline() {
        let schedule = ReminderSchedule::default();
        let due = day("2026-12-03");
        assert!(!schedule.escalates(due, day("2026-12-05")));
        assert!(schedule.escalates(due, day("2026-12-06")));
        let at_once = ReminderSchedule {
            days_before: vec![],
            escalate_after: 0,
        };
        assert!(!at_once.escalates(due, due));
        assert!(at_once.escalates(due, day("2026-12-04")));
        assert_eq!(at_once.step(due, due), None);
    }
}
