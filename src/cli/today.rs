//! Today's date: the one place gplint reads the clock. Tests fix it with
//! the hidden `--today YYYY-MM-DD` flag or `GPLINT_TODAY`, so waiver
//! expiries and password expiry predictions are deterministic.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::model::Date;

/// The environment variable that fixes today's date when `--today` is not given.
pub const TODAY_ENV: &str = "GPLINT_TODAY";

/// `--today`, else `GPLINT_TODAY`, else the clock (UTC). `Err` names a
/// `GPLINT_TODAY` that is not a date.
pub fn today(flag: Option<Date>) -> Result<Date, String> {
    if let Some(date) = flag {
        return Ok(date);
    }
    match std::env::var(TODAY_ENV) {
        Ok(text) if !text.trim().is_empty() => Date::parse(text.trim())
            .ok_or_else(|| format!("{TODAY_ENV}={text} is not a date: write YYYY-MM-DD")),
        _ => Ok(clock()),
    }
}

/// Parses `--today`.
pub fn parse_flag(text: &str) -> Result<Date, String> {
    Date::parse(text.trim()).ok_or_else(|| format!("`{text}` is not a date: write YYYY-MM-DD"))
}

fn clock() -> Date {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(seconds / 86_400).unwrap_or(i64::MAX))
}
