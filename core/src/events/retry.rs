//! When to send a batch again: exponential backoff with jitter, on network errors, 5xx,
//! 408 and 429 (whose `Retry-After` is honoured); other answers end the batch.

/// The longest wait between attempts (ms).
pub const MAX_RETRY_DELAY_MS: u32 = 60_000;
/// The first wait (ms).
const FIRST_RETRY_DELAY_MS: u32 = 1_000;
/// A `Retry-After` longer than this (ms) is cut to it.
const MAX_RETRY_AFTER_MS: u32 = 10 * 60_000;

/// What to do after an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It arrived.
    Delivered,
    /// Send it again after this many ms.
    Retry(u32),
    /// The receiver refused it for good (a 4xx other than 408 and 429): drop it.
    Refused,
}

/// The outcome of an attempt answered with `status` (0: no answer, a network error), the
/// `attempt`-th failure in a row (1 for the first), with `jitter` from 0 to 1 and the
/// answer's `Retry-After` in ms if it had one.
pub fn retry_delay_ms(
    status: u16,
    attempt: u32,
    jitter: f64,
    retry_after_ms: Option<u32>,
) -> Outcome {
    match status {
        200..=299 => Outcome::Delivered,
        0 | 408 | 429 | 500..=599 => {
            let exponential = FIRST_RETRY_DELAY_MS
                .saturating_mul(1 << attempt.saturating_sub(1).min(16))
                .min(MAX_RETRY_DELAY_MS);
            // "Equal jitter": half the delay fixed, half random, so that many pages that
            // failed together do not come back together.
            let jittered =
                exponential / 2 + (f64::from(exponential / 2) * jitter.clamp(0.0, 1.0)) as u32;
            let floor = retry_after_ms.unwrap_or(0).min(MAX_RETRY_AFTER_MS);
            Outcome::Retry(jittered.max(floor))
        }
        _ => Outcome::Refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_up_to_a_minute() {
        assert_eq!(retry_delay_ms(0, 1, 0.0, None), Outcome::Retry(500));
        assert_eq!(retry_delay_ms(503, 1, 1.0, None), Outcome::Retry(1_000));
        assert_eq!(retry_delay_ms(500, 3, 1.0, None), Outcome::Retry(4_000));
        assert_eq!(
            retry_delay_ms(500, 30, 1.0, None),
            Outcome::Retry(MAX_RETRY_DELAY_MS)
        );
        assert_eq!(
            retry_delay_ms(500, 30, 0.0, None),
            Outcome::Retry(MAX_RETRY_DELAY_MS / 2)
        );
    }

    #[test]
    fn retry_after_is_honoured_and_bounded() {
        assert_eq!(
            retry_delay_ms(429, 1, 0.5, Some(30_000)),
            Outcome::Retry(30_000)
        );
        assert_eq!(
            retry_delay_ms(429, 1, 0.5, Some(u32::MAX)),
            Outcome::Retry(600_000)
        );
    }

    #[test]
    fn success_and_refusal() {
        assert_eq!(retry_delay_ms(200, 1, 0.5, None), Outcome::Delivered);
        assert_eq!(retry_delay_ms(400, 1, 0.5, None), Outcome::Refused);
        assert_eq!(retry_delay_ms(413, 1, 0.5, None), Outcome::Refused);
        assert_eq!(retry_delay_ms(408, 1, 0.0, None), Outcome::Retry(500));
    }
}
