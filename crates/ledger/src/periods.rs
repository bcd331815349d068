//! Rounds of talks between the same sides, told apart by time: reports on one pair of sides more than a
//! year apart, with nothing between them, are about different negotiations (the 2023 Jeddah talks and the
//! 2025 ones).

use jiff::civil::Date;

/// A silence longer than this between two dated reports on the same sides starts a new negotiation.
pub const GAP_DAYS: i32 = 365;

/// The periods of a set of reports: `dates[i]` is report `i`'s date. Returns, per report, the index of its
/// period (periods in time order); undated reports go to the latest period.
pub fn split(dates: &[Option<Date>]) -> Vec<usize> {
    let mut dated: Vec<(Date, usize)> = dates.iter().enumerate().filter_map(|(i, d)| d.map(|d| (d, i))).collect();
    dated.sort();
    let mut period_of = vec![0; dates.len()];
    let mut period = 0;
    for pair in dated.windows(2) {
        if days_between(pair[0].0, pair[1].0) > GAP_DAYS {
            period += 1;
        }
        period_of[pair[1].1] = period;
    }
    for (i, date) in dates.iter().enumerate() {
        if date.is_none() {
            period_of[i] = period;
        }
    }
    period_of
}

/// Whether a report dated `date` falls within a period running from `first` to `last`, or near enough.
pub fn near(date: Date, first: Date, last: Date) -> bool {
    days_between(last, date) <= GAP_DAYS && days_between(date, first) <= GAP_DAYS
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i32 {
    a.until(b).map_or(0, |span| span.get_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn a_long_silence_starts_a_new_period() {
        let dates = [date("2023-05-10"), date("2025-08-01"), date("2023-06-02"), None, date("2025-09-15")];
        assert_eq!(split(&dates), vec![0, 1, 0, 1, 1]);
    }

    #[test]
    fn steady_reporting_is_one_period_however_long() {
        let dates = [date("2023-01-01"), date("2023-10-01"), date("2024-07-01"), date("2025-04-01")];
        assert_eq!(split(&dates), vec![0, 0, 0, 0]);
    }

    #[test]
    fn nearness_reaches_a_gap_beyond_either_end() {
        let (first, last) = (date("2024-01-01").unwrap(), date("2024-06-01").unwrap());
        assert!(near(date("2025-05-01").unwrap(), first, last));
        assert!(near(date("2023-02-01").unwrap(), first, last));
        assert!(!near(date("2025-07-01").unwrap(), first, last));
    }
}
